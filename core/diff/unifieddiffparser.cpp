// UnifiedDiff::parse: reading patches back into the model.
#include "unifieddiff.h"

#include "hunkbuilder.h"
#include "inlinediff.h"
#include "textlines.h"

namespace Countersign {

namespace {

std::unexpected<Error> parseError(size_t line, const QString &what)
{
    return fail(Error::invalid(QStringLiteral("patch"), QStringLiteral("line %1: %2").arg(line + 1).arg(what)));
}

constexpr qint64 MaxLineNumber = 1'000'000'000;

// Set by readNumber when a number exceeds MaxLineNumber, for a clearer error than "malformed".
thread_local bool numberTooLarge = false;

bool readNumber(QStringView s, qsizetype &pos, int &value)
{
    qint64 v = 0;
    const qsizetype begin = pos;
    while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
        v = v * 10 + (s[pos].unicode() - u'0');
        if (v > MaxLineNumber) {
            numberTooLarge = true;
            return false;
        }
        ++pos;
    }
    value = int(v);
    return pos > begin;
}

// "-a,b" or "-a" (count 1) after the sign at pos.
bool readRange(QStringView s, qsizetype &pos, QChar sign, int &start, int &count)
{
    if (pos >= s.size() || s[pos] != sign)
        return false;
    ++pos;
    if (!readNumber(s, pos, start))
        return false;
    count = 1;
    if (pos < s.size() && s[pos] == u',') {
        ++pos;
        if (!readNumber(s, pos, count))
            return false;
    }
    if (count > 0 && start == 0)
        return false;
    // Stored 0-based; an empty range is stored as the position it sits before.
    if (count > 0)
        --start;
    return true;
}

// The file name of a "--- " or "+++ " header: up to a tab (diff(1) puts a date there),
// C-quoted by git when it holds unusual characters.
QString headerName(QStringView s)
{
    if (s.endsWith(u'\r'))
        s.chop(1);
    if (!s.startsWith(u'"')) {
        const qsizetype tab = s.indexOf(u'\t');
        return (tab < 0 ? s : s.first(tab)).toString();
    }
    QByteArray bytes;
    for (qsizetype i = 1; i < s.size() && s[i] != u'"'; ++i) {
        if (s[i] != u'\\' || i + 1 >= s.size()) {
            bytes += QStringView(s.sliced(i, 1)).toUtf8();
            continue;
        }
        const QChar e = s[++i];
        if (e >= u'0' && e <= u'7') {
            int v = 0;
            int digits = 0;
            while (digits < 3 && i < s.size() && s[i] >= u'0' && s[i] <= u'7') {
                v = v * 8 + (s[i].unicode() - u'0');
                ++i;
                ++digits;
            }
            --i;
            bytes += char(v);
        } else if (e == u'n') {
            bytes += '\n';
        } else if (e == u't') {
            bytes += '\t';
        } else {
            bytes += QStringView(s.sliced(i, 1)).toUtf8();
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

Result<QList<FileDiff>> UnifiedDiff::parse(const QString &patch)
{
    const TextLines text = TextLines::split(patch);
    const std::vector<QStringView> &lines = text.lines;
    const size_t n = lines.size();
    QList<FileDiff> files;

    size_t i = 0;
    while (i < n) {
        // Anything outside "--- " / "+++ " pairs and their hunks is a header or commentary.
        if (!(lines[i].startsWith(u"--- ") && i + 1 < n && lines[i + 1].startsWith(u"+++ "))) {
            ++i;
            continue;
        }
        FileDiff diff;
        diff.setLeftName(headerName(lines[i].sliced(4)));
        diff.setRightName(headerName(lines[i + 1].sliced(4)));
        i += 2;

        QList<DiffHunk> hunks;
        std::vector<std::pair<int, QStringView>> knownLeft;
        std::vector<std::pair<int, QStringView>> knownRight;
        bool leftIncomplete = false;
        bool rightIncomplete = false;
        int leftEnd = 0;
        int rightEnd = 0;
        while (i < n && lines[i].startsWith(u"@@")) {
            const QStringView header = lines[i];
            DiffHunk hunk;
            qsizetype pos = 2;
            numberTooLarge = false;
            const bool ok = header.sliced(pos).startsWith(u' ')
                && readRange(header, ++pos, u'-', hunk.leftStart, hunk.leftCount) && pos < header.size()
                && header[pos] == u' ' && readRange(header, ++pos, u'+', hunk.rightStart, hunk.rightCount)
                && header.sliced(pos).startsWith(u" @@");
            if (!ok && numberTooLarge)
                return parseError(i,
                    QStringLiteral("a line number or count in the hunk header is larger than %1").arg(MaxLineNumber));
            if (!ok)
                return parseError(i, QStringLiteral("malformed hunk header"));
            // " @@ section": the function or heading git found above the hunk.
            QStringView section = header.sliced(pos + 3);
            if (section.endsWith(u'\r'))
                section.chop(1);
            hunk.section = section.trimmed().toString();
            if (hunk.leftStart < leftEnd || hunk.rightStart < rightEnd)
                return parseError(i, QStringLiteral("hunks overlap or are out of order"));
            ++i;

            int l = hunk.leftStart;
            int r = hunk.rightStart;
            int leftToRead = hunk.leftCount;
            int rightToRead = hunk.rightCount;
            DiffChange change;
            std::vector<QStringView> removed;
            std::vector<QStringView> added;
            bool inChange = false;
            QChar previous;
            auto flush = [&] {
                if (inChange)
                    HunkBuilder::appendChange(hunk.rows, change, removed, added);
                inChange = false;
                removed.clear();
                added.clear();
            };
            while (leftToRead > 0 || rightToRead > 0 || (i < n && lines[i].startsWith(u'\\'))) {
                if (i >= n)
                    return parseError(i, QStringLiteral("the hunk ends early"));
                const QStringView body = lines[i];
                // Some tools strip the space of an empty context line.
                const QChar kind = body.isEmpty() || body == u"\r" ? QChar(u' ') : body[0];
                const QStringView content = body.isEmpty() ? body : body.sliced(1);
                if (kind == u'\\') {
                    if (previous == u'-' || previous == u' ')
                        leftIncomplete = true;
                    if (previous == u'+' || previous == u' ')
                        rightIncomplete = true;
                    if (previous.isNull())
                        return parseError(i, QStringLiteral("a newline marker follows no line"));
                    ++i;
                    continue;
                }
                if (kind == u' ') {
                    if (leftToRead == 0 || rightToRead == 0)
                        return parseError(i, QStringLiteral("more lines than the hunk header counts"));
                    flush();
                    hunk.rows.append(DiffRow{l, r, DiffRowKind::Context, {}, {}});
                    knownLeft.emplace_back(l++, content);
                    knownRight.emplace_back(r++, content);
                    --leftToRead;
                    --rightToRead;
                } else if (kind == u'-') {
                    if (leftToRead == 0)
                        return parseError(i, QStringLiteral("more removed lines than the hunk header counts"));
                    if (inChange && change.rightCount > 0)
                        flush();
                    if (!inChange)
                        change = DiffChange{l, 0, r, 0};
                    inChange = true;
                    ++change.leftCount;
                    removed.push_back(content);
                    knownLeft.emplace_back(l++, content);
                    --leftToRead;
                } else if (kind == u'+') {
                    if (rightToRead == 0)
                        return parseError(i, QStringLiteral("more added lines than the hunk header counts"));
                    if (!inChange)
                        change = DiffChange{l, 0, r, 0};
                    inChange = true;
                    ++change.rightCount;
                    added.push_back(content);
                    knownRight.emplace_back(r++, content);
                    --rightToRead;
                } else {
                    return parseError(i, QStringLiteral("unexpected line in a hunk"));
                }
                previous = kind;
                ++i;
            }
            flush();
            leftEnd = hunk.leftStart + hunk.leftCount;
            rightEnd = hunk.rightStart + hunk.rightCount;
            hunks.append(std::move(hunk));
        }

        // Only the lines the hunks show are known and stored; the others stay null. Nothing here
        // is allocated by the line numbers the patch states, only by the lines it holds.
        FileDiff::KnownLines leftKnown;
        FileDiff::KnownLines rightKnown;
        leftKnown.reserve(qsizetype(knownLeft.size()));
        rightKnown.reserve(qsizetype(knownRight.size()));
        for (const auto &[line, content] : knownLeft)
            leftKnown.append({line, content.toString()});
        for (const auto &[line, content] : knownRight)
            rightKnown.append({line, content.toString()});
        diff.setLeftKnownLines(leftEnd, leftKnown);
        diff.setRightKnownLines(rightEnd, rightKnown);
        for (DiffHunk &hunk : hunks) {
            for (DiffRow &row : hunk.rows) {
                if (row.kind == DiffRowKind::Changed)
                    InlineDiff::spans(InlineDiff::segments(diff.leftLine(row.leftLine), diff.rightLine(row.rightLine)),
                        &row.leftSpans, &row.rightSpans);
            }
        }

        diff.setLeftEndsWithNewline(!leftIncomplete);
        diff.setRightEndsWithNewline(!rightIncomplete);
        diff.setHunks(hunks);
        diff.setPartial(true);
        files.append(diff);
    }

    if (files.isEmpty() && !patch.trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("patch"), QStringLiteral("no unified diff found")));
    return files;
}

} // namespace Countersign
