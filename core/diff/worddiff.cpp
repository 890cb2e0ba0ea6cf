#include "worddiff.h"

#include "inlinediff.h"

#include <QThread>
#include <QtConcurrentMap>

namespace Countersign {

namespace {

QString range(int start, int count)
{
    const int first = count == 0 ? start : start + 1;
    if (count == 1)
        return QString::number(first);
    return QString::number(first) + u',' + QString::number(count);
}

} // namespace

QString WordDiff::write(const FileDiff &diff, bool ignoreWhitespace)
{
    // The alignments of the changed pairs first (in parallel when there are many), then the
    // text in order. Recomputed rather than read from the spans: the spans say what changed on
    // each side, the segments also say what faces what.
    QList<const DiffRow *> changed;
    for (const DiffHunk &hunk : diff.hunks()) {
        if (!hunk.hasChanges())
            continue;
        for (const DiffRow &row : hunk.rows) {
            if (row.kind == DiffRowKind::Changed)
                changed.append(&row);
        }
    }
    const auto align = [&diff, ignoreWhitespace](const DiffRow *row) {
        return InlineDiff::segments(diff.leftLine(row->leftLine), diff.rightLine(row->rightLine), ignoreWhitespace);
    };
    QList<QList<InlineSegment>> alignments;
    if (changed.size() >= 512 && QThread::idealThreadCount() > 1) {
        alignments = QtConcurrent::blockingMapped<QList<QList<InlineSegment>>>(changed, align);
    } else {
        alignments.reserve(changed.size());
        for (const DiffRow *row : std::as_const(changed))
            alignments.append(align(row));
    }

    QString out;
    qsizetype nextAlignment = 0;
    for (const DiffHunk &hunk : diff.hunks()) {
        if (!hunk.hasChanges())
            continue;
        if (out.isEmpty()) {
            const QString leftName = diff.leftName().isEmpty() ? QStringLiteral("a") : diff.leftName();
            const QString rightName = diff.rightName().isEmpty() ? QStringLiteral("b") : diff.rightName();
            out += u"--- " + leftName + u"\n+++ " + rightName + u'\n';
        }
        out += u"@@ -" + range(hunk.leftStart, hunk.leftCount) + u" +" + range(hunk.rightStart, hunk.rightCount)
            + u" @@\n";
        for (const DiffRow &row : hunk.rows) {
            switch (row.kind) {
            case DiffRowKind::Context:
                out += diff.leftLine(row.leftLine) + u'\n';
                break;
            case DiffRowKind::Removed:
                out += u"[-" + diff.leftLine(row.leftLine) + u"-]\n";
                break;
            case DiffRowKind::Added:
                out += u"{+" + diff.rightLine(row.rightLine) + u"+}\n";
                break;
            case DiffRowKind::Changed: {
                const QStringView l = diff.leftLine(row.leftLine);
                const QStringView r = diff.rightLine(row.rightLine);
                for (const InlineSegment &s : alignments.at(nextAlignment++)) {
                    if (s.equal) {
                        out += r.sliced(s.rightStart, s.rightLength);
                        continue;
                    }
                    if (s.leftLength > 0)
                        out += u"[-" + l.sliced(s.leftStart, s.leftLength) + u"-]";
                    if (s.rightLength > 0)
                        out += u"{+" + r.sliced(s.rightStart, s.rightLength) + u"+}";
                }
                out += u'\n';
                break;
            }
            }
        }
    }
    return out;
}

} // namespace Countersign
