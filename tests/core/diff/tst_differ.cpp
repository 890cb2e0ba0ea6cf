#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "diffdump.h"
#include "testdata.h"
#include "timelimit.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QtConcurrentMap>

#include <algorithm>

using namespace Countersign;

namespace {

DiffOptions readOptions(const QString &caseName)
{
    DiffOptions options;
    QFile file(Test::dataPath(QStringLiteral("diff/") + caseName + QStringLiteral("/options")));
    if (!file.open(QIODevice::ReadOnly))
        return options;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString key = line.section(u'=', 0, 0);
        const int value = line.section(u'=', 1).toInt();
        if (key == u"context")
            options.contextLines = value;
        else if (key == u"ignoreWhitespace")
            options.ignoreWhitespace = value != 0;
        else if (key == u"refineWords")
            options.refineWords = value != 0;
        else
            qWarning("unknown option %s in case %s", qPrintable(key), qPrintable(caseName));
    }
    return options;
}

bool updatingReferences()
{
    return qEnvironmentVariableIntValue("COUNTERSIGN_UPDATE_REFERENCES") == 1;
}

QString readCase(const QString &caseName, const QString &file)
{
    return QString::fromUtf8(Test::readData(QStringLiteral("diff/") + caseName + u'/' + file));
}

// Every line of both sides appears in order, spans stay inside their line and off surrogate
// pairs, kinds agree with the line numbers.
void checkInvariants(const FileDiff &diff)
{
    int leftNext = 0;
    int rightNext = 0;
    for (const DiffHunk &hunk : diff.hunks()) {
        QVERIFY(hunk.leftStart >= leftNext);
        QVERIFY(hunk.rightStart >= rightNext);
        QCOMPARE(hunk.leftStart - leftNext, hunk.rightStart - rightNext);
        leftNext = hunk.leftStart;
        rightNext = hunk.rightStart;
        for (const DiffRow &row : hunk.rows) {
            switch (row.kind) {
            case DiffRowKind::Context:
            case DiffRowKind::Changed:
                QCOMPARE(row.leftLine, leftNext++);
                QCOMPARE(row.rightLine, rightNext++);
                break;
            case DiffRowKind::Removed:
                QCOMPARE(row.leftLine, leftNext++);
                QCOMPARE(row.rightLine, -1);
                break;
            case DiffRowKind::Added:
                QCOMPARE(row.leftLine, -1);
                QCOMPARE(row.rightLine, rightNext++);
                break;
            }
            auto checkSpans = [](const QList<DiffSpan> &spans, const QString &line) {
                int at = 0;
                for (const DiffSpan &s : spans) {
                    QVERIFY(s.length > 0);
                    QVERIFY(s.start >= at);
                    QVERIFY(s.start + s.length <= line.size());
                    QVERIFY(!line.at(s.start).isLowSurrogate());
                    QVERIFY(!line.at(s.start + s.length - 1).isHighSurrogate());
                    at = s.start + s.length;
                }
            };
            if (row.kind != DiffRowKind::Changed) {
                QVERIFY(row.leftSpans.isEmpty() && row.rightSpans.isEmpty());
            } else {
                checkSpans(row.leftSpans, diff.leftLines().at(row.leftLine));
                checkSpans(row.rightSpans, diff.rightLines().at(row.rightLine));
            }
        }
        QCOMPARE(leftNext, hunk.leftStart + hunk.leftCount);
        QCOMPARE(rightNext, hunk.rightStart + hunk.rightCount);
    }
    QVERIFY(leftNext <= diff.leftLines().size());
    QVERIFY(rightNext <= diff.rightLines().size());
}

// Length of the longest common subsequence of two line lists, the textbook way; the last line
// counts as different from itself when only one side has a final newline.
int lcsLength(const QStringList &a, bool aEnds, const QStringList &b, bool bEnds)
{
    const auto n = a.size();
    const auto m = b.size();
    std::vector<int> prev(size_t(m + 1), 0);
    std::vector<int> cur(size_t(m + 1), 0);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const bool aLast = i == n && !aEnds;
            const bool bLast = j == m && !bEnds;
            if (a.at(i - 1) == b.at(j - 1) && aLast == bLast)
                cur[size_t(j)] = prev[size_t(j - 1)] + 1;
            else
                cur[size_t(j)] = std::max(prev[size_t(j)], cur[size_t(j - 1)]);
        }
        std::swap(prev, cur);
    }
    return prev[size_t(m)];
}

QString randomLines(QRandomGenerator &rng, int count, int alphabet)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("l%1\n").arg(rng.bounded(alphabet));
    return text;
}

QString numberedLines(int from, int count, const QString &prefix = QStringLiteral("line"))
{
    QString text;
    text.reserve(count * 16);
    for (int i = from; i < from + count; ++i)
        text += prefix + u' ' + QString::number(i) + u'\n';
    return text;
}

} // namespace

class TestDiffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceCases_data()
    {
        QTest::addColumn<QString>("caseName");
        const QDir dir(Test::dataPath(QStringLiteral("diff")));
        const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() >= 10);
        for (const QString &c : cases)
            QTest::newRow(qPrintable(c)) << c;
    }

    void referenceCases()
    {
        QFETCH(QString, caseName);
        const QString left = readCase(caseName, QStringLiteral("left"));
        const QString right = readCase(caseName, QStringLiteral("right"));
        const DiffOptions options = readOptions(caseName);
        FileDiff diff = Differ::diff(left, right, options);
        checkInvariants(diff);
        if (QTest::currentTestFailed())
            return;

        const QString actual = Test::dumpDiff(diff);
        const QString expected = readCase(caseName, QStringLiteral("expected"));
        if (actual != expected && updatingReferences()) {
            // scripts/update-references.sh: the reference becomes what the differ gives now;
            // review the change with `git diff tests/data/diff` before committing it.
            QFile out(Test::dataPath(QStringLiteral("diff/") + caseName + QStringLiteral("/expected")));
            QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(out.errorString()));
            out.write(actual.toUtf8());
            qInfo("updated %s", qPrintable(out.fileName()));
            return;
        }
        QCOMPARE(actual, expected);

        if (!options.ignoreWhitespace) {
            const Result<QString> applied = UnifiedDiff::apply(diff, left);
            QVERIFY2(applied.has_value(), qPrintable(Test::errorText(applied)));
            QCOMPARE(*applied, right);
        }
        QFile patchFile(Test::dataPath(QStringLiteral("diff/") + caseName + QStringLiteral("/expected.patch")));
        if (patchFile.exists()) {
            diff.setLeftName(QStringLiteral("a/file"));
            diff.setRightName(QStringLiteral("b/file"));
            QCOMPARE(UnifiedDiff::write(diff), readCase(caseName, QStringLiteral("expected.patch")));
        }
    }

    void countsAndIdentity()
    {
        const FileDiff same = Differ::diff(QStringLiteral("a\nb\n"), QStringLiteral("a\nb\n"));
        QVERIFY(same.isIdentical());
        QVERIFY(same.hunks().isEmpty());
        QCOMPARE(UnifiedDiff::write(same), QString());

        const FileDiff d = Differ::diff(QStringLiteral("a\nb\nc\n"), QStringLiteral("a\nB\nc\nd\n"));
        QVERIFY(!d.isIdentical());
        QCOMPARE(d.addedCount(), 2);
        QCOMPARE(d.removedCount(), 1);
        QCOMPARE(d.leftLines(), QStringList({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

        // Only the final newline differs: the last line is changed, with nothing to emphasise.
        const FileDiff nl = Differ::diff(QStringLiteral("a\nb\n"), QStringLiteral("a\nb"));
        QCOMPARE(nl.addedCount(), 1);
        QCOMPARE(nl.removedCount(), 1);
        QVERIFY(nl.leftEndsWithNewline());
        QVERIFY(!nl.rightEndsWithNewline());

        // CR is part of the line: CRLF against LF is a change unless whitespace is ignored.
        QVERIFY(!Differ::diff(QStringLiteral("a\r\n"), QStringLiteral("a\n")).isIdentical());
        DiffOptions ignore;
        ignore.ignoreWhitespace = true;
        QVERIFY(Differ::diff(QStringLiteral("a\r\n"), QStringLiteral("a\n"), ignore).isIdentical());
        QVERIFY(Differ::diff(QStringLiteral("a b\n"), QStringLiteral("ab"), ignore).isIdentical());
    }

    void minimalAgainstLcs()
    {
        // Within the cost limit the diff is minimal: it keeps a longest common subsequence.
        QRandomGenerator rng(20260504);
        for (int round = 0; round < 1500; ++round) {
            const int alphabet = 2 + rng.bounded(8);
            QString left = randomLines(rng, rng.bounded(40), alphabet);
            QString right = randomLines(rng, rng.bounded(40), alphabet);
            if (rng.bounded(4) == 0 && !left.isEmpty())
                left.chop(1);
            if (rng.bounded(4) == 0 && !right.isEmpty())
                right.chop(1);
            DiffOptions options;
            options.refineWords = false;
            const FileDiff diff = Differ::diff(left, right, options);
            QVERIFY(!diff.isApproximate());
            const int lcs = lcsLength(
                diff.leftLines(), diff.leftEndsWithNewline(), diff.rightLines(), diff.rightEndsWithNewline());
            QCOMPARE(diff.removedCount(), int(diff.leftLines().size()) - lcs);
            QCOMPARE(diff.addedCount(), int(diff.rightLines().size()) - lcs);
            checkInvariants(diff);
            const Result<QString> applied = UnifiedDiff::apply(diff, left);
            QVERIFY(applied.has_value());
            QCOMPARE(*applied, right);
        }
    }

    void contextMerging()
    {
        // Changes 2 * context lines apart share a hunk; one more line splits them.
        QString left = numberedLines(1, 40);
        QString right = left;
        right.replace(QStringLiteral("line 5\n"), QStringLiteral("five\n"));
        right.replace(QStringLiteral("line 12\n"), QStringLiteral("twelve\n"));
        right.replace(QStringLiteral("line 20\n"), QStringLiteral("twenty\n"));
        const FileDiff diff = Differ::diff(left, right);
        QCOMPARE(diff.hunks().size(), 2); // 5 and 12 are 6 apart (merge), 12 and 20 are 7 apart
        QCOMPARE(diff.hunks().at(0).leftStart, 1);
        QCOMPARE(diff.hunks().at(0).leftCount, 14);
        QCOMPARE(diff.hunks().at(1).leftStart, 16);
        QCOMPARE(diff.hunks().at(1).leftCount, 7);

        DiffOptions whole;
        whole.contextLines = -1;
        const FileDiff all = Differ::diff(left, right, whole);
        QCOMPARE(all.hunks().size(), 1);
        QCOMPARE(all.hunks().at(0).rows.size(), 40);
        QCOMPARE(all.hunks().at(0).leftCount, 40);
        QCOMPARE(all.addedCount(), 3);
    }

    void wholeFileModeIsLinear()
    {
        // The review pane asks for whole files; 200k lines with a few edits stay quick.
        const QString left = numberedLines(0, 200'000);
        QString right = left;
        right.replace(QStringLiteral("line 1000\n"), QStringLiteral("line one thousand\n"));
        right.replace(QStringLiteral("line 150000\n"), QStringLiteral("line 150000 changed\n"));
        DiffOptions whole;
        whole.contextLines = -1;
        QElapsedTimer timer;
        timer.start();
        const FileDiff diff = Differ::diff(left, right, whole);
        const qint64 ms = timer.elapsed();
        QCOMPARE(diff.hunks().size(), 1);
        QCOMPARE(diff.hunks().at(0).rows.size(), 200'000);
        QCOMPARE(diff.addedCount(), 2);
        QVERIFY2(ms < Test::timeLimit(3000), qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        QCOMPARE(*UnifiedDiff::apply(diff, left), right);
    }

    void millionDistinctLines()
    {
        // Ids are ints: a million distinct lines (far past any 16-bit limit) diff correctly.
        const QString left = numberedLines(0, 1'000'000, QStringLiteral("row"));
        QString right = left;
        const int edited[] = {3, 65'535, 65'536, 70'000, 500'000, 999'999};
        for (const int i : edited) {
            const QString line = QStringLiteral("row ") + QString::number(i) + u'\n';
            right.replace(right.indexOf(line), line.size(), QStringLiteral("edited ") + QString::number(i) + u'\n');
        }
        DiffOptions options;
        options.contextLines = 0;
        const FileDiff diff = Differ::diff(left, right, options);
        QCOMPARE(diff.leftLines().size(), 1'000'000);
        QCOMPARE(diff.hunks().size(), 5); // 65535 and 65536 are adjacent
        QCOMPARE(diff.removedCount(), 6);
        QCOMPARE(diff.addedCount(), 6);
        QVERIFY(!diff.isApproximate());
        QCOMPARE(diff.hunks().at(2).leftStart, 70'000);
        QCOMPARE(*UnifiedDiff::apply(diff, left), right);
    }

    void pathologicalShuffle()
    {
        // Every line present on both sides, in random order: the worst case for Myers.
        QStringList lines;
        for (int i = 0; i < 100'000; ++i)
            lines.append(QStringLiteral("shuffled line %1").arg(i));
        const QString left = lines.join(u'\n') + u'\n';
        std::shuffle(lines.begin(), lines.end(), std::mt19937(7));
        const QString right = lines.join(u'\n') + u'\n';
        QElapsedTimer timer;
        timer.start();
        const FileDiff diff = Differ::diff(left, right);
        const qint64 ms = timer.elapsed();
        qInfo("100k shuffled lines: %lld ms, %d removed, %d added", ms, diff.removedCount(), diff.addedCount());
        QVERIFY2(ms < Test::timeLimit(5000), qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        QCOMPARE(diff.removedCount(), diff.addedCount());
        QVERIFY(diff.removedCount() < 100'000);
        QCOMPARE(*UnifiedDiff::apply(diff, left), right);
    }

    void pathologicalRepetition()
    {
        // Two random texts over a two-line alphabet: everything matches everything.
        QRandomGenerator rng(99);
        const QString left = randomLines(rng, 60'000, 2);
        const QString right = randomLines(rng, 60'000, 2);
        QElapsedTimer timer;
        timer.start();
        const FileDiff diff = Differ::diff(left, right);
        const qint64 ms = timer.elapsed();
        QVERIFY2(ms < Test::timeLimit(5000), qPrintable(QStringLiteral("took %1 ms").arg(ms)));
        QCOMPARE(*UnifiedDiff::apply(diff, left), right);
    }

    void costLimitBoundsTheWork()
    {
        QRandomGenerator rng(5);
        const QString left = randomLines(rng, 3000, 50);
        const QString right = randomLines(rng, 3000, 50);
        DiffOptions exact;
        exact.costLimit = 0;
        const FileDiff minimal = Differ::diff(left, right, exact);
        QVERIFY(!minimal.isApproximate());

        DiffOptions tight;
        tight.costLimit = 5000;
        const FileDiff coarse = Differ::diff(left, right, tight);
        QVERIFY(coarse.isApproximate());
        QVERIFY(coarse.removedCount() >= minimal.removedCount());
        QCOMPARE(coarse.removedCount() - minimal.removedCount(), coarse.addedCount() - minimal.addedCount());
        checkInvariants(coarse);
        QCOMPARE(*UnifiedDiff::apply(coarse, left), right);
    }

    void linesAreBuiltOnceAcrossThreads()
    {
        // leftLines() is built lazily inside a shared value: copies on several threads ask at once.
        const FileDiff diff = Differ::diff(numberedLines(0, 20'000), numberedLines(5, 20'000));
        QCOMPARE(diff.leftLineCount(), 20'000);
        QList<FileDiff> copies(8, diff);
        const QList<qsizetype> sizes = QtConcurrent::blockingMapped(copies, [](const FileDiff &copy) {
            return copy.leftLines().size() + copy.rightLines().size();
        });
        for (const qsizetype size : sizes)
            QCOMPARE(size, 40'000);
        QCOMPARE(diff.leftLines().at(7), QStringLiteral("line 7"));
        QCOMPARE(diff.leftLine(7), u"line 7");
        QVERIFY(diff.leftLine(20'000).isNull());
        QVERIFY(diff.leftLine(-1).isNull());
        // A copy edited later detaches and leaves the original alone.
        FileDiff edited = diff;
        edited.setLeftLines({QStringLiteral("x")});
        QCOMPARE(edited.leftLines(), QStringList{QStringLiteral("x")});
        QCOMPARE(diff.leftLineCount(), 20'000);
        QCOMPARE(diff.leftLines().size(), 20'000);
    }

    void cancellationStopsTheSearch()
    {
        QStringList lines;
        for (int i = 0; i < 50'000; ++i)
            lines.append(QString::number(i));
        const QString left = lines.join(u'\n');
        std::shuffle(lines.begin(), lines.end(), std::mt19937(3));
        const QString right = lines.join(u'\n');
        DiffOptions exact;
        exact.costLimit = 0; // would take minutes
        int polls = 0;
        QElapsedTimer timer;
        timer.start();
        const FileDiff diff = Differ::diff(left, right, exact, [&polls] {
            return ++polls > 3;
        });
        QVERIFY2(timer.elapsed() < Test::timeLimit(2000), qPrintable(QString::number(timer.elapsed())));
        QVERIFY(polls > 3);
        QVERIFY(diff.isApproximate());
        QCOMPARE(*UnifiedDiff::apply(diff, left), right); // coarse, but still a diff
    }
};

QTEST_GUILESS_MAIN(TestDiffer)
#include "tst_differ.moc"
