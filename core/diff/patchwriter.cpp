#include "patchwriter.h"

#include "differ.h"
#include "unifieddiff.h"

namespace Countersign {

namespace {

// A side as a whole text, the lines the patch does not know empty.
QString sideText(const FileDiff &diff, bool left)
{
    const int count = left ? diff.leftLineCount() : diff.rightLineCount();
    QString out;
    for (int i = 0; i < count; ++i) {
        out += left ? diff.leftLine(i) : diff.rightLine(i);
        if (i + 1 < count || (left ? diff.leftEndsWithNewline() : diff.rightEndsWithNewline()))
            out += u'\n';
    }
    return out;
}

// The section's header without "index" lines (their blob hashes no longer hold after an edit).
QString headerWithoutIndex(const QString &header, bool keepNames)
{
    QString out;
    const QStringList lines = header.split(u'\n');
    bool skipNext = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (i == lines.size() - 1 && line.isEmpty())
            break;
        if (skipNext) {
            skipNext = false;
            continue;
        }
        if (line.startsWith(u"index "))
            continue;
        if (!keepNames && line.startsWith(u"--- ") && i + 1 < lines.size() && lines.at(i + 1).startsWith(u"+++ ")) {
            skipNext = true;
            continue;
        }
        out += line + u'\n';
    }
    return out;
}

} // namespace

bool PatchWriter::canEdit(const PatchFile &file)
{
    if (file.binary || !file.hasHunks() || file.status == PatchFile::Status::Removed
        || file.diff.leftLineCount() > MaxEditableLines || file.diff.rightLineCount() > MaxEditableLines)
        return false;
    // Between hunks both sides skip the same unchanged lines; a patch whose hunk headers say
    // otherwise has no consistent new side to edit.
    int leftEnd = 0;
    int rightEnd = 0;
    for (const DiffHunk &hunk : file.diff.hunks()) {
        if (hunk.leftStart - leftEnd != hunk.rightStart - rightEnd)
            return false;
        leftEnd = hunk.leftStart + hunk.leftCount;
        rightEnd = hunk.rightStart + hunk.rightCount;
    }
    return true;
}

Result<PatchWriter::Texts> PatchWriter::editableTexts(const PatchFile &file)
{
    if (!canEdit(file))
        return fail(Error::invalid(QStringLiteral("patch"),
            QStringLiteral("%1 cannot be edited here (removed, binary, without hunks or too long)").arg(file.path())));
    return Texts{sideText(file.diff, true), sideText(file.diff, false)};
}

Result<QString> PatchWriter::writeFile(const PatchFile &file, const QString &editedNewText)
{
    auto texts = editableTexts(file);
    if (!texts)
        return fail(texts.error());
    if (editedNewText.size() > qsizetype(MaxEditableLines) * 1000)
        return fail(
            Error::invalid(QStringLiteral("patch"), QStringLiteral("%1: the edit is too long").arg(file.path())));

    // The lines the patch does not know are empty in the editor, so a plain diff of the old side
    // against the edit could pair an empty line the reviewer added with an unknown one. Give
    // every unknown line a unique marker instead: on the old side by its number, in the edit
    // where the edit kept an unknown line of the new side (found by diffing the new side with the
    // edit, which is exact wherever the reviewer typed nothing).
    const FileDiff &original = file.diff;
    QList<int> leftOfRight(original.rightLineCount(), -1); // unknown right line -> its left line
    {
        int leftEnd = 0;
        int rightEnd = 0;
        auto gap = [&](int leftTo) {
            for (int k = 0; leftEnd + k < leftTo && rightEnd + k < leftOfRight.size(); ++k)
                leftOfRight[rightEnd + k] = leftEnd + k;
        };
        for (const DiffHunk &hunk : original.hunks()) {
            gap(hunk.leftStart);
            leftEnd = hunk.leftStart + hunk.leftCount;
            rightEnd = hunk.rightStart + hunk.rightCount;
        }
    }
    const QChar mark(0xFDD0); // a noncharacter: nobody types it
    auto marker = [&](int leftLine) {
        return mark + QString::number(leftLine);
    };

    QStringList oldLines;
    oldLines.reserve(original.leftLineCount());
    for (int i = 0; i < original.leftLineCount(); ++i)
        oldLines.append(original.leftLine(i).isNull() ? marker(i) : original.leftLine(i).toString());
    QString oldText = oldLines.join(u'\n');
    if (!oldLines.isEmpty() && original.leftEndsWithNewline())
        oldText += u'\n';

    DiffOptions options;
    options.contextLines = 0;
    options.refineWords = false;
    const FileDiff kept = Differ::diff(texts->newText, editedNewText, options);
    QStringList editedLines = kept.rightLines();
    {
        // Unchanged lines between and around the hunks of `kept` pair one to one.
        int r = 0;
        int e = 0;
        auto pairUp = [&](int rightTo) {
            for (; r < rightTo; ++r, ++e) {
                if (r < leftOfRight.size() && leftOfRight[r] >= 0 && original.rightLine(r).isNull()
                    && e < editedLines.size())
                    editedLines[e] = marker(leftOfRight[r]);
            }
        };
        for (const DiffHunk &hunk : kept.hunks()) {
            pairUp(hunk.leftStart);
            r = hunk.leftStart + hunk.leftCount;
            e = hunk.rightStart + hunk.rightCount;
        }
        pairUp(kept.leftLineCount());
    }
    QString markedEdit = editedLines.join(u'\n');
    if (!editedLines.isEmpty() && kept.rightEndsWithNewline())
        markedEdit += u'\n';

    options.contextLines = 3;
    const FileDiff edited = Differ::diff(oldText, markedEdit, options);

    // Cut the hunks at unknown context lines: the patch may only state lines it knew.
    auto known = [&](int leftLine) {
        return !original.leftLine(leftLine).isNull();
    };
    QList<DiffHunk> hunks;
    for (const DiffHunk &hunk : edited.hunks()) {
        int l = hunk.leftStart;
        int r = hunk.rightStart;
        DiffHunk run;
        bool open = false;
        auto close = [&] {
            if (open && run.hasChanges())
                hunks.append(run);
            open = false;
            run = DiffHunk{};
        };
        for (const DiffRow &row : hunk.rows) {
            const bool touchesUnknown = (row.leftLine >= 0 && !known(row.leftLine))
                || (row.rightLine >= 0 && edited.rightLine(row.rightLine).startsWith(mark));
            if (row.kind != DiffRowKind::Context && touchesUnknown) {
                return fail(Error::invalid(QStringLiteral("content"),
                    QStringLiteral("%1, line %2: the edit changes a line the patch does not show")
                        .arg(file.path())
                        .arg((row.leftLine >= 0 ? row.leftLine : l) + 1)));
            }
            if (row.kind == DiffRowKind::Context && touchesUnknown) {
                close();
            } else {
                if (!open) {
                    run.leftStart = l;
                    run.rightStart = r;
                    open = true;
                }
                run.rows.append(row);
                run.leftCount += row.leftLine >= 0 ? 1 : 0;
                run.rightCount += row.rightLine >= 0 ? 1 : 0;
            }
            l += row.leftLine >= 0 ? 1 : 0;
            r += row.rightLine >= 0 ? 1 : 0;
        }
        close();
    }

    if (hunks.isEmpty()) {
        // The edit undoes every change: a modified file drops out, the others keep their headers
        // (an added file becomes an empty new file, a rename stays a rename).
        if (file.status == PatchFile::Status::Modified)
            return QString();
        return headerWithoutIndex(file.headerText, false);
    }
    FileDiff out = edited;
    out.setHunks(hunks);
    const QString written = UnifiedDiff::write(out);
    // UnifiedDiff::write starts with its own "--- " / "+++ " lines; the section's own header
    // (git's lines, and the names as the patch spelled them) replaces them.
    const qsizetype firstHunk = written.indexOf(QStringLiteral("\n@@ "));
    return headerWithoutIndex(file.headerText, true) + written.sliced(firstHunk + 1);
}

Result<QString> PatchWriter::write(const PatchSet &patch, const QHash<int, QString> &editedNewTexts)
{
    QString out = patch.preamble();
    for (qsizetype i = 0; i < patch.files().size(); ++i) {
        const PatchFile &file = patch.files().at(i);
        const auto edited = editedNewTexts.constFind(int(i));
        if (edited == editedNewTexts.cend()) {
            out += file.sectionText;
            if (!out.endsWith(u'\n') && i + 1 < patch.files().size())
                out += u'\n';
            continue;
        }
        auto section = writeFile(file, *edited);
        if (!section)
            return fail(section.error());
        if (!out.isEmpty() && !out.endsWith(u'\n'))
            out += u'\n';
        out += *section;
    }
    return out;
}

} // namespace Countersign
