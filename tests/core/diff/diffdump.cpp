#include "diffdump.h"

namespace Countersign::Test {

namespace {

QString visible(QString text)
{
    return text.replace(u'\r', QStringLiteral("\\r"));
}

QString number(int line)
{
    return line < 0 ? QStringLiteral(".") : QString::number(line + 1);
}

QString range(int start, int count)
{
    const int first = count == 0 ? start : start + 1;
    return QString::number(first) + u',' + QString::number(count);
}

} // namespace

QString markSpans(const QString &line, const QList<DiffSpan> &spans, QStringView open, QStringView close)
{
    QString out;
    int at = 0;
    for (const DiffSpan &span : spans) {
        out += QStringView(line).sliced(at, span.start - at) + open + QStringView(line).sliced(span.start, span.length)
            + close;
        at = span.start + span.length;
    }
    out += QStringView(line).sliced(at);
    return out;
}

QString dumpDiff(const FileDiff &diff)
{
    QString out = QStringLiteral("# added %1 removed %2\n").arg(diff.addedCount()).arg(diff.removedCount());
    if (!diff.leftEndsWithNewline())
        out += u"# left: no newline at end\n";
    if (!diff.rightEndsWithNewline())
        out += u"# right: no newline at end\n";
    for (const DiffHunk &hunk : diff.hunks()) {
        out += u"@@ -" + range(hunk.leftStart, hunk.leftCount) + u" +" + range(hunk.rightStart, hunk.rightCount)
            + u" @@\n";
        for (const DiffRow &row : hunk.rows) {
            const QString numbers = number(row.leftLine) + u' ' + number(row.rightLine) + u" |";
            switch (row.kind) {
            case DiffRowKind::Context:
                out += u"= " + numbers + visible(diff.leftLines().at(row.leftLine)) + u'\n';
                if (diff.leftLines().at(row.leftLine) != diff.rightLines().at(row.rightLine))
                    out += u"= " + numbers + visible(diff.rightLines().at(row.rightLine)) + u'\n';
                break;
            case DiffRowKind::Removed:
                out += u"- " + numbers + visible(diff.leftLines().at(row.leftLine)) + u'\n';
                break;
            case DiffRowKind::Added:
                out += u"+ " + numbers + visible(diff.rightLines().at(row.rightLine)) + u'\n';
                break;
            case DiffRowKind::Changed:
                out += u"< " + numbers
                    + visible(markSpans(diff.leftLines().at(row.leftLine), row.leftSpans, u"[-", u"-]")) + u'\n';
                out += u"> " + numbers
                    + visible(markSpans(diff.rightLines().at(row.rightLine), row.rightSpans, u"{+", u"+}")) + u'\n';
                break;
            }
        }
    }
    return out;
}

} // namespace Countersign::Test
