#include "patchset.h"

#include "textlines.h"
#include "unifieddiff.h"

#include <QFileInfo>

namespace Countersign {

namespace {

// One file's lines [begin, end) of the patch, and what its git headers say.
struct Section {
    size_t begin = 0;
    size_t end = 0;
    size_t firstHunk = 0; // end when there is none
    bool sawNames = false; // its "--- " / "+++ " pair
    QString gitOld; // from "diff --git a/X b/Y"
    QString gitNew;
    QString renameFrom;
    QString renameTo;
    bool newFile = false;
    bool deletedFile = false;
    bool copy = false;
    bool binary = false;
};

// "diff --git a/X b/Y": unambiguous when both paths are equal (the usual case), else split at
// the last " b/".
void readGitLine(QStringView rest, Section &s)
{
    if (rest.endsWith(u'\r'))
        rest.chop(1);
    if (rest.size() % 2 == 1 && rest.startsWith(u"a/")) {
        const qsizetype half = rest.size() / 2;
        const QStringView left = rest.first(half);
        const QStringView right = rest.sliced(half + 1);
        if (rest[half] == u' ' && right.startsWith(u"b/") && left.sliced(2) == right.sliced(2)) {
            s.gitOld = left.sliced(2).toString();
            s.gitNew = s.gitOld;
            return;
        }
    }
    const qsizetype split = rest.lastIndexOf(u" b/");
    if (split > 0) {
        const QStringView left = rest.first(split);
        s.gitOld = (left.startsWith(u"a/") ? left.sliced(2) : left).toString();
        s.gitNew = rest.sliced(split + 3).toString();
    }
}

// A "--- " / "+++ " name as a path: /dev/null is none, git's a/ and b/ prefixes go.
QString pathOf(const QString &name, QStringView prefix)
{
    if (name == u"/dev/null")
        return {};
    if (name.startsWith(prefix))
        return name.sliced(prefix.size());
    return name;
}

QStringView afterPrefix(QStringView line, QStringView prefix)
{
    QStringView rest = line.sliced(prefix.size());
    if (rest.endsWith(u'\r'))
        rest.chop(1);
    return rest;
}

// Skips a hunk's body by its header's counts (so a removed "-- comment" line, written
// "--- comment", is not taken for a file header). Returns the line after it; a malformed
// header skips just itself and is reported by UnifiedDiff::parse.
size_t skipHunk(const std::vector<QStringView> &lines, size_t i)
{
    const QStringView header = lines[i];
    int counts[2] = {1, 1};
    qsizetype pos = header.indexOf(u'-');
    for (int side = 0; side < 2 && pos >= 0; ++side) {
        const qsizetype space = header.indexOf(u' ', pos);
        const QStringView range = header.sliced(pos + 1, (space < 0 ? header.size() : space) - pos - 1);
        const qsizetype comma = range.indexOf(u',');
        if (comma >= 0) {
            bool ok = false;
            counts[side] = range.sliced(comma + 1).toInt(&ok);
            if (!ok || counts[side] < 0)
                return i + 1;
        }
        pos = side == 0 ? header.indexOf(u'+', pos) : -1;
    }
    qint64 left = counts[0];
    qint64 right = counts[1];
    size_t j = i + 1;
    while (j < lines.size() && (left > 0 || right > 0 || lines[j].startsWith(u'\\'))) {
        const QStringView body = lines[j];
        const QChar kind = body.isEmpty() || body == u"\r" ? QChar(u' ') : body[0];
        if (kind == u' ') {
            --left;
            --right;
        } else if (kind == u'-') {
            --left;
        } else if (kind == u'+') {
            --right;
        } else if (kind != u'\\') {
            break;
        }
        ++j;
    }
    return j;
}

QString joined(const std::vector<QStringView> &lines, size_t begin, size_t end, bool lastHasNewline)
{
    QString out;
    qsizetype size = 0;
    for (size_t i = begin; i < end; ++i)
        size += lines[i].size() + 1;
    out.reserve(size);
    for (size_t i = begin; i < end; ++i) {
        out += lines[i];
        if (i + 1 < end || lastHasNewline)
            out += u'\n';
    }
    return out;
}

} // namespace

QString PatchFile::displayPath() const
{
    if ((status == Status::Renamed || status == Status::Copied) && !oldPath.isEmpty() && oldPath != newPath)
        return oldPath + QStringLiteral(" \u2192 ") + newPath;
    return path();
}

QString PatchFile::extension() const
{
    return QFileInfo(path()).suffix();
}

int PatchSet::addedCount() const
{
    int n = 0;
    for (const PatchFile &f : m_files)
        n += f.addedCount();
    return n;
}

int PatchSet::removedCount() const
{
    int n = 0;
    for (const PatchFile &f : m_files)
        n += f.removedCount();
    return n;
}

Result<PatchSet> PatchSet::parse(const QString &patch)
{
    const TextLines text = TextLines::split(patch);
    const std::vector<QStringView> &lines = text.lines;
    const size_t n = lines.size();

    QList<Section> sections;
    auto open = [&](size_t at) {
        if (!sections.isEmpty())
            sections.last().end = at;
        Section s;
        s.begin = at;
        s.firstHunk = n;
        sections.append(s);
    };
    size_t i = 0;
    while (i < n) {
        const QStringView line = lines[i];
        if (line.startsWith(u"diff --git ")) {
            open(i);
            readGitLine(line.sliced(11), sections.last());
        } else if (line.startsWith(u"--- ") && i + 1 < n && lines[i + 1].startsWith(u"+++ ")) {
            if (sections.isEmpty() || sections.last().sawNames)
                open(i);
            sections.last().sawNames = true;
            i += 2;
            continue;
        } else if (line.startsWith(u"@@ ") && !sections.isEmpty() && sections.last().sawNames) {
            if (sections.last().firstHunk == n)
                sections.last().firstHunk = i;
            i = skipHunk(lines, i);
            continue;
        } else if (!sections.isEmpty() && !sections.last().sawNames) {
            Section &s = sections.last();
            if (line.startsWith(u"new file mode "))
                s.newFile = true;
            else if (line.startsWith(u"deleted file mode "))
                s.deletedFile = true;
            else if (line.startsWith(u"rename from "))
                s.renameFrom = afterPrefix(line, u"rename from ").toString();
            else if (line.startsWith(u"rename to "))
                s.renameTo = afterPrefix(line, u"rename to ").toString();
            else if (line.startsWith(u"copy from ")) {
                s.renameFrom = afterPrefix(line, u"copy from ").toString();
                s.copy = true;
            } else if (line.startsWith(u"copy to "))
                s.renameTo = afterPrefix(line, u"copy to ").toString();
            else if (line.startsWith(u"Binary files ") || line.startsWith(u"GIT binary patch"))
                s.binary = true;
        }
        ++i;
    }
    if (!sections.isEmpty())
        sections.last().end = n;

    PatchSet set;
    set.m_text = patch;
    set.m_preamble = joined(lines, 0, sections.isEmpty() ? 0 : sections.first().begin, true);
    for (const Section &s : sections) {
        const bool lastHasNewline = s.end < n || text.endsWithNewline;
        PatchFile file;
        file.sectionText = joined(lines, s.begin, s.end, lastHasNewline);
        file.headerText
            = joined(lines, s.begin, s.firstHunk == n ? s.end : s.firstHunk, s.firstHunk == n ? lastHasNewline : true);
        // A section without "--- " / "+++ " (a pure rename, a mode change, a binary file) has
        // no hunks to read.
        auto parsed = s.sawNames ? UnifiedDiff::parse(file.sectionText) : Result<QList<FileDiff>>(QList<FileDiff>());
        if (!parsed) {
            // Name the line in the whole patch, not in the section.
            const auto whole = UnifiedDiff::parse(patch);
            if (!whole)
                return fail(whole.error());
            return fail(Error::invalid(
                QStringLiteral("patch"), QStringLiteral("line %1: %2").arg(s.begin + 1).arg(parsed.error().message)));
        }
        file.oldPath = s.gitOld;
        file.newPath = s.gitNew;
        if (!parsed->isEmpty()) {
            file.diff = parsed->first();
            file.oldPath = pathOf(file.diff.leftName(), u"a/");
            file.newPath = pathOf(file.diff.rightName(), u"b/");
        }
        if (!s.renameFrom.isEmpty())
            file.oldPath = s.renameFrom;
        if (!s.renameTo.isEmpty())
            file.newPath = s.renameTo;
        file.binary = s.binary;
        if (s.newFile || (s.sawNames && file.oldPath.isEmpty() && !file.newPath.isEmpty()))
            file.status = PatchFile::Status::Added;
        else if (s.deletedFile || (s.sawNames && file.newPath.isEmpty() && !file.oldPath.isEmpty()))
            file.status = PatchFile::Status::Removed;
        else if (!s.renameFrom.isEmpty() || !s.renameTo.isEmpty())
            file.status = s.copy ? PatchFile::Status::Copied : PatchFile::Status::Renamed;
        if (file.status == PatchFile::Status::Added)
            file.oldPath.clear();
        if (file.status == PatchFile::Status::Removed)
            file.newPath.clear();
        set.m_files.append(file);
    }
    if (set.m_files.isEmpty())
        return fail(Error::invalid(QStringLiteral("patch"), QStringLiteral("no unified diff found")));
    return set;
}

} // namespace Countersign
