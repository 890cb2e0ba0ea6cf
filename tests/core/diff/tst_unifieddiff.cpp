#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "diffdump.h"
#include "testdata.h"
#include "testresult.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_WIN
#include <qt_windows.h>
// psapi.h needs the types windows.h declares.
#include <psapi.h>
#else
#include <sys/resource.h>
#endif

using namespace Countersign;

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The process's peak resident memory so far, in KiB (Linux's unit of ru_maxrss).
qint64 peakResidentKiB()
{
#ifdef Q_OS_WIN
    PROCESS_MEMORY_COUNTERS counters{};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters))
        return 0;
    return qint64(counters.PeakWorkingSetSize / 1024);
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss);
#endif
}

bool writeFile(const QString &path, const QString &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content.toUtf8()) >= 0;
}

} // namespace

class TestUnifiedDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeFormat()
    {
        FileDiff diff = Differ::diff(text("a\nb\nc\n"), text("a\nB\nc"));
        diff.setLeftName(text("a/f.txt"));
        diff.setRightName(text("b/f.txt"));
        QCOMPARE(UnifiedDiff::write(diff),
            text("--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n a\n-b\n-c\n+B\n+c\n"
                 "\\ No newline at end of file\n"));
        // Ranges of a single line drop the count; empty ranges name the line before them.
        diff = Differ::diff(text("x\n"), text("x\ny\n"), DiffOptions{0, false, true, 0});
        QCOMPARE(UnifiedDiff::write(diff), text("--- a\n+++ b\n@@ -1,0 +2 @@\n+y\n"));
    }

    void parseGitPatch()
    {
        // Two files as `git diff` writes them, extended headers and all.
        const QString patch = text("diff --git a/one.txt b/one.txt\n"
                                   "index 3b18e51..a2d4f6c 100644\n"
                                   "--- a/one.txt\n"
                                   "+++ b/one.txt\n"
                                   "@@ -1,3 +1,3 @@ section heading\n"
                                   " keep\n"
                                   "-refund 10 EUR\n"
                                   "+refund 5 EUR\n"
                                   " keep\n"
                                   "diff --git a/two.txt b/two.txt\n"
                                   "new file mode 100644\n"
                                   "index 0000000..e69de29\n"
                                   "--- /dev/null\n"
                                   "+++ b/two.txt\n"
                                   "@@ -0,0 +1,2 @@\n"
                                   "+first\n"
                                   "+second\n"
                                   "\\ No newline at end of file\n");
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY2(files.has_value(), qPrintable(Test::errorText(files)));
        QCOMPARE(files->size(), 2);
        const FileDiff &one = files->at(0);
        QCOMPARE(one.leftName(), text("a/one.txt"));
        QCOMPARE(one.rightName(), text("b/one.txt"));
        QVERIFY(one.isPartial());
        QCOMPARE(Test::dumpDiff(one),
            text("# added 1 removed 1\n@@ -1,3 +1,3 @@\n= 1 1 |keep\n"
                 "< 2 2 |refund [-10-] EUR\n> 2 2 |refund {+5+} EUR\n= 3 3 |keep\n"));
        QCOMPARE(*UnifiedDiff::apply(one, text("keep\nrefund 10 EUR\nkeep\nmore\n")),
            text("keep\nrefund 5 EUR\nkeep\nmore\n"));
        // What git puts after the second "@@" is kept and written back.
        QCOMPARE(one.hunks().first().section, text("section heading"));
        QCOMPARE(UnifiedDiff::hunkHeader(one.hunks().first()), text("@@ -1,3 +1,3 @@ section heading"));
        QVERIFY(UnifiedDiff::write(one).contains(text("\n@@ -1,3 +1,3 @@ section heading\n keep\n")));

        const FileDiff &two = files->at(1);
        QCOMPARE(two.leftName(), text("/dev/null"));
        QVERIFY(!two.rightEndsWithNewline());
        QVERIFY(two.hunks().first().section.isEmpty());
        QCOMPARE(UnifiedDiff::hunkHeader(two.hunks().first()), text("@@ -0,0 +1,2 @@"));
        QCOMPARE(*UnifiedDiff::apply(two, QString()), text("first\nsecond"));
    }

    void parseDiffOutputWithDates()
    {
        const QString patch = text("--- old/name with space.txt\t2026-05-04 09:00:00.000000000 +0200\n"
                                   "+++ new/name with space.txt\t2026-05-04 09:01:00.000000000 +0200\n"
                                   "@@ -1 +1 @@\n"
                                   "-x\n"
                                   "+y\n");
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY(files.has_value());
        QCOMPARE(files->first().leftName(), text("old/name with space.txt"));
        QCOMPARE(files->first().rightName(), text("new/name with space.txt"));
        QCOMPARE(*UnifiedDiff::apply(files->first(), text("x\n")), text("y\n"));
    }

    void parseMarkerInsideHunk()
    {
        // The left side's last line lacks a newline, the right side's does not.
        const QString patch = text("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY2(files.has_value(), qPrintable(Test::errorText(files)));
        QVERIFY(!files->first().leftEndsWithNewline());
        QVERIFY(files->first().rightEndsWithNewline());
        QCOMPARE(*UnifiedDiff::apply(files->first(), text("a\nb")), text("a\nb\n"));
        // Applied to a text that has the newline, it does not fit.
        QVERIFY(!UnifiedDiff::apply(files->first(), text("a\nb\n")).has_value());
    }

    void parseCrlfContent()
    {
        const QString left = text("one\r\ntwo\r\nthree\r\n");
        const QString right = text("one\r\n2\r\nthree\r\n");
        const QString patch = UnifiedDiff::write(Differ::diff(left, right));
        QVERIFY(patch.contains(text("-two\r\n+2\r\n")));
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY(files.has_value());
        QCOMPARE(*UnifiedDiff::apply(files->first(), left), right);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad header") << text("--- a\n+++ b\n@@ -1,x +1 @@\n-a\n")
                                    << text("line 3: malformed hunk header");
        QTest::newRow("zero start") << text("--- a\n+++ b\n@@ -0,1 +1 @@\n-a\n+b\n")
                                    << text("line 3: malformed hunk header");
        QTest::newRow("ends early") << text("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n")
                                    << text("line 5: the hunk ends early");
        QTest::newRow("stray line") << text("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n*b\n")
                                    << text("line 5: unexpected line in a hunk");
        QTest::newRow("too many removed") << text("--- a\n+++ b\n@@ -1 +1,2 @@\n-a\n-b\n+c\n+d\n")
                                          << text("line 5: more removed lines than the hunk header counts");
        QTest::newRow("out of order") << text("--- a\n+++ b\n@@ -5 +5 @@\n-a\n+b\n@@ -1 +1 @@\n-c\n+d\n")
                                      << text("line 6: hunks overlap or are out of order");
        QTest::newRow("no diff") << text("hello\nworld\n") << text("no unified diff found");
        QTest::newRow("line number too large")
            << text("--- a\n+++ b\n@@ -1000000001 +1 @@\n-a\n+b\n")
            << text("line 3: a line number or count in the hunk header is larger than 1000000000");
    }

    void parseErrors()
    {
        QFETCH(QString, patch);
        QFETCH(QString, message);
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY(!files.has_value());
        QCOMPARE(files.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(files.error().field, text("patch"));
        QCOMPARE(files.error().message, message);
    }

    // A 244-byte fuzz input (fuzz/corpus/unifieddiff/huge-line-number.patch) whose hunk says it
    // starts at line 66666661: the importer once allocated an entry per stated line (2.6 GB).
    // Memory must follow the patch's size: the diff keeps the stated numbers but stores only
    // the lines the patch shows.
    void hugeLineNumbersCostOnlyWhatThePatchHolds()
    {
        const QByteArray input = QByteArray::fromBase64("LS0tIGEvZmlsZQorKysgYi9maWxlCkBAIC02NjY2NjY2MSw1ICsxLDUgQEAKIG"
                                                        "JlZ2luCi1sb2coInN0YXJ0Iik7Ci10b3QrICsxLDEgAEAK"
                                                        "LS0tIGEvZmlsZQorKysrICsxLDEgQEAKLS0tIGEgYWFsIEA9IHByaWNlICogcX"
                                                        "VhbnRp//////////9kKHRvdGFsKTsKK3RvdGFsID0gcHJp"
                                                        "Y2UgKiBxdWFudGl0eSAqICgxIC0gZGlzY291bnQpOworYXVkaXQodG90YWwsIH"
                                                        "VzZXIpOworAABuZCh0b3RhbCwgY3VycmVuY3kpOwogZW5k"
                                                        "Cg==");
        QCOMPARE(input.size(), 244);
        const qint64 peakBefore = peakResidentKiB();
        const QString patch = QString::fromUtf8(input);
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY2(files.has_value(), qPrintable(Test::errorText(files)));
        QCOMPARE(files->size(), 1);
        const FileDiff &file = files->first();
        // The stated numbering is kept...
        QCOMPARE(file.leftLineCount(), 66666665);
        QCOMPARE(file.leftLine(66666660), u"begin");
        QVERIFY(file.leftLine(1000).isNull());
        // ...and the rows refer to lines the patch holds, no more of them than it has lines.
        const qsizetype patchLines = patch.count(u'\n');
        qsizetype rows = 0;
        for (const DiffHunk &hunk : file.hunks())
            rows += hunk.rows.size();
        QVERIFY(rows <= patchLines);
        // Writing and applying stay small too: a short text does not reach line 66666661.
        const Result<QList<FileDiff>> again = UnifiedDiff::parse(UnifiedDiff::write(file));
        QVERIFY(again.has_value());
        const Result<QString> applied = UnifiedDiff::apply(file, patch.left(200));
        QVERIFY(!applied.has_value());
        QCOMPARE(applied.error().code, ErrorCode::Conflict);
        CS_VERIFY_ERROR_MESSAGE(applied, u"outside the text");
        QVERIFY(!UnifiedDiff::apply(file, QString()).has_value());
        // Nothing above a few megabytes was allocated on the way.
        const qint64 grown = peakResidentKiB() - peakBefore;
        QVERIFY2(grown < 64 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(grown)));
    }

    void parseEmpty()
    {
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(QString());
        QVERIFY(files.has_value());
        QVERIFY(files->isEmpty());
    }

    void applyConflicts()
    {
        const FileDiff diff = Differ::diff(text("a\nb\nc\nd\n"), text("a\nB\nc\nd\n"));
        Result<QString> r = UnifiedDiff::apply(diff, text("a\nX\nc\nd\n"));
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(r.error().message, text("hunk 1 does not apply at line 2: the removed line differs"));

        r = UnifiedDiff::apply(diff, text("Z\nb\nc\nd\n"));
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().message, text("hunk 1 does not apply at line 1: the context line differs"));

        r = UnifiedDiff::apply(diff, text("a\nb\n"));
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().message, text("hunk 1 does not apply at line 1: outside the text or out of order"));

        // A hand-made model that refers to lines it does not have fails cleanly.
        FileDiff broken;
        broken.setHunks({DiffHunk{0, 1, 0, 1, {DiffRow{0, 5, DiffRowKind::Changed, {}, {}}}, {}}});
        QVERIFY(!UnifiedDiff::apply(broken, text("a\n")).has_value());
    }

    // git's own patches parse and apply to give what git says.
    void applyGitOutput()
    {
        if (QStandardPaths::findExecutable(text("git")).isEmpty())
            QSKIP("git is not installed (the Windows build under Wine)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString left = text("Dear customer,\r\n\r\nwe refund 10 EUR.\r\nRegards\r\n")
            + text("line\n").repeated(20) + text("tail 😀 end");
        const QString right = text("Dear customer,\r\n\r\nwe refund 5 EUR today.\r\nRegards\r\n")
            + text("line\n").repeated(10) + text("inserted\n") + text("line\n").repeated(10) + text("tail 😃 end\n");
        QVERIFY(writeFile(dir.filePath(text("left")), left));
        QVERIFY(writeFile(dir.filePath(text("right")), right));
        QProcess git;
        git.setWorkingDirectory(dir.path());
        git.start(text("git"), {text("diff"), text("--no-index"), text("--no-color"), text("left"), text("right")});
        QVERIFY(git.waitForFinished(30'000));
        QCOMPARE(git.exitCode(), 1);
        const QString patch = QString::fromUtf8(git.readAllStandardOutput());
        const Result<QList<FileDiff>> files = UnifiedDiff::parse(patch);
        QVERIFY2(files.has_value(), qPrintable(Test::errorText(files)));
        QCOMPARE(files->size(), 1);
        QCOMPARE(files->first().leftName(), text("a/left"));
        const Result<QString> applied = UnifiedDiff::apply(files->first(), left);
        QVERIFY2(applied.has_value(), qPrintable(Test::errorText(applied)));
        QCOMPARE(*applied, right);
        // And git's counts agree with ours.
        const FileDiff ours = Differ::diff(left, right);
        QCOMPARE(files->first().addedCount(), ours.addedCount());
        QCOMPARE(files->first().removedCount(), ours.removedCount());
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
