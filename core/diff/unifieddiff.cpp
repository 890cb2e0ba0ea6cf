#include "unifieddiff.h"

#include "textlines.h"

namespace Countersign {

namespace {

const QLatin1StringView NoNewline("\\ No newline at end of file\n");

QString range(int start, int count)
{
    // 1-based; an empty range names the line before it. A count of 1 is implied.
    const int first = count == 0 ? start : start + 1;
    if (count == 1)
        return QString::number(first);
    return QString::number(first) + u',' + QString::number(count);
}

struct Writer {
    const FileDiff &diff;
    QString out;

    void line(QChar prefix, QStringView text, bool lastWithoutNewline)
    {
        out += prefix + text + u'\n';
        if (lastWithoutNewline)
            out += NoNewline;
    }
    bool leftIsIncomplete(int leftLine) const
    {
        return !diff.leftEndsWithNewline() && leftLine == diff.leftLineCount() - 1;
    }
    bool rightIsIncomplete(int rightLine) const
    {
        return !diff.rightEndsWithNewline() && rightLine == diff.rightLineCount() - 1;
    }
};

} // namespace

QString UnifiedDiff::hunkHeader(const DiffHunk &hunk)
{
    QString header
        = u"@@ -" + range(hunk.leftStart, hunk.leftCount) + u" +" + range(hunk.rightStart, hunk.rightCount) + u" @@";
    if (!hunk.section.isEmpty())
        header += u' ' + hunk.section;
    return header;
}

QString UnifiedDiff::write(const FileDiff &diff)
{
    Writer w{diff, {}};
    for (const DiffHunk &hunk : diff.hunks()) {
        if (!hunk.hasChanges())
            continue;
        if (w.out.isEmpty()) {
            const QString leftName = diff.leftName().isEmpty() ? QStringLiteral("a") : diff.leftName();
            const QString rightName = diff.rightName().isEmpty() ? QStringLiteral("b") : diff.rightName();
            w.out += u"--- " + leftName + u"\n+++ " + rightName + u'\n';
        }
        w.out += hunkHeader(hunk) + u'\n';
        const qsizetype n = hunk.rows.size();
        qsizetype i = 0;
        while (i < n) {
            const DiffRow &row = hunk.rows.at(i);
            if (row.kind == DiffRowKind::Context) {
                w.line(u' ', diff.leftLine(row.leftLine), w.leftIsIncomplete(row.leftLine));
                ++i;
                continue;
            }
            // A run of changed rows: all its removed lines, then all its added lines.
            qsizetype end = i;
            while (end < n && hunk.rows.at(end).kind != DiffRowKind::Context)
                ++end;
            for (qsizetype k = i; k < end; ++k) {
                const int l = hunk.rows.at(k).leftLine;
                if (l >= 0)
                    w.line(u'-', diff.leftLine(l), w.leftIsIncomplete(l));
            }
            for (qsizetype k = i; k < end; ++k) {
                const int r = hunk.rows.at(k).rightLine;
                if (r >= 0)
                    w.line(u'+', diff.rightLine(r), w.rightIsIncomplete(r));
            }
            i = end;
        }
    }
    return w.out;
}

Result<QString> UnifiedDiff::apply(const FileDiff &diff, const QString &left)
{
    const TextLines lines = TextLines::split(left);
    const int n = int(lines.lines.size());

    QString out;
    out.reserve(left.size() + left.size() / 8);
    bool first = true;
    auto put = [&](QStringView text) {
        if (!first)
            out += u'\n';
        out += text;
        first = false;
    };
    auto conflict = [](int hunk, int line, const QString &what) {
        return fail(
            Error::conflict(QStringLiteral("hunk %1 does not apply at line %2: %3").arg(hunk).arg(line).arg(what)));
    };

    int next = 0; // first line of `left` not yet copied
    bool touchesEnd = false;
    const QList<DiffHunk> &hunks = diff.hunks();
    for (qsizetype h = 0; h < hunks.size(); ++h) {
        const DiffHunk &hunk = hunks.at(h);
        const int number = int(h) + 1;
        if (hunk.leftStart < next || hunk.leftCount < 0 || hunk.leftStart + hunk.leftCount > n)
            return conflict(number, hunk.leftStart + 1, QStringLiteral("outside the text or out of order"));
        for (; next < hunk.leftStart; ++next)
            put(lines.lines[size_t(next)]);
        for (const DiffRow &row : hunk.rows) {
            if (row.leftLine >= 0) {
                if (row.leftLine != next || row.leftLine >= diff.leftLineCount())
                    return conflict(number, next + 1, QStringLiteral("rows out of sequence"));
                if (lines.lines[size_t(next)] != diff.leftLine(row.leftLine)) {
                    return conflict(number, next + 1,
                        row.kind == DiffRowKind::Context ? QStringLiteral("the context line differs")
                                                         : QStringLiteral("the removed line differs"));
                }
                ++next;
            }
            if (row.rightLine >= 0) {
                if (row.rightLine < 0 || row.rightLine >= diff.rightLineCount()
                    || diff.rightLine(row.rightLine).isNull())
                    return conflict(number, next + 1, QStringLiteral("the diff lacks an added line"));
                put(diff.rightLine(row.rightLine));
            }
        }
        if (next != hunk.leftStart + hunk.leftCount)
            return conflict(number, next + 1, QStringLiteral("the rows do not match the hunk's line count"));
        touchesEnd = next == n;
    }
    for (; next < n; ++next)
        put(lines.lines[size_t(next)]);

    bool endsWithNewline = lines.endsWithNewline;
    if (touchesEnd && !hunks.isEmpty()) {
        if (n > 0 && lines.endsWithNewline != diff.leftEndsWithNewline())
            return conflict(int(hunks.size()), n, QStringLiteral("the newline at the end of the file differs"));
        endsWithNewline = diff.rightEndsWithNewline();
    }
    if (!first && endsWithNewline)
        out += u'\n';
    return out;
}

} // namespace Countersign
