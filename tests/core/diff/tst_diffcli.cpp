#include "diff/differ.h"
#include "diff/unifieddiff.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess p;
    p.setWorkingDirectory(workingDirectory);
    p.start(QStringLiteral(COUNTERSIGN_CLI_PATH), QStringList{QStringLiteral("diff")} + arguments);
    if (!p.waitForFinished(30'000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestDiffCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void write(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    Run run(const QStringList &arguments) { return cli(arguments, m_dir.path()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(QStringLiteral("left.txt"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n");
        write(QStringLiteral("right.txt"), "one\n2\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven");
        write(QStringLiteral("copy.txt"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n");
        write(QStringLiteral("spaced.txt"), "one\n  two\nthree \nfour\nfive\nsix\nseven\neight\nnine\nten\n");
        write(QStringLiteral("words-left.txt"), "we refund 10 EUR today\n");
        write(QStringLiteral("words-right.txt"), "we refund 5 EUR tomorrow\n");
        write(QStringLiteral("binary.bin"), QByteArray("\x01\x02\x00\x03", 4));
    }

    void sameIsZero()
    {
        const Run r = run({QStringLiteral("left.txt"), QStringLiteral("copy.txt")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, QString());
    }

    void differentIsOneWithTheUnifiedDiff()
    {
        const Run r = run({QStringLiteral("left.txt"), QStringLiteral("right.txt")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
            QStringLiteral("--- left.txt\n+++ right.txt\n"
                           "@@ -1,5 +1,5 @@\n one\n-two\n+2\n three\n four\n five\n"
                           "@@ -8,3 +8,4 @@\n eight\n nine\n ten\n+eleven\n"
                           "\\ No newline at end of file\n"));
        // It is the library's diff, and it applies.
        const Result<QList<FileDiff>> parsed = UnifiedDiff::parse(r.out);
        QVERIFY(parsed.has_value());
        QCOMPARE(*UnifiedDiff::apply(
                     parsed->first(), QStringLiteral("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n")),
            QStringLiteral("one\n2\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven"));
    }

    void contextOption()
    {
        const QString expected = QStringLiteral("--- left.txt\n+++ right.txt\n@@ -2 +2 @@\n-two\n+2\n"
                                                "@@ -10,0 +11 @@\n+eleven\n\\ No newline at end of file\n");
        for (const QStringList &option : {QStringList{QStringLiteral("--context"), QStringLiteral("0")},
                 QStringList{QStringLiteral("-U0")}, QStringList{QStringLiteral("--context=0")}}) {
            const Run r = run(option + QStringList{QStringLiteral("left.txt"), QStringLiteral("right.txt")});
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.out, expected);
        }
    }

    void ignoreWhitespace()
    {
        QCOMPARE(run({QStringLiteral("left.txt"), QStringLiteral("spaced.txt")}).exitCode, 1);
        const Run r
            = run({QStringLiteral("--ignore-whitespace"), QStringLiteral("left.txt"), QStringLiteral("spaced.txt")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        QCOMPARE(run({QStringLiteral("-w"), QStringLiteral("left.txt"), QStringLiteral("spaced.txt")}).exitCode, 0);
    }

    void wordDiff()
    {
        const Run r
            = run({QStringLiteral("--word"), QStringLiteral("words-left.txt"), QStringLiteral("words-right.txt")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
            QStringLiteral("--- words-left.txt\n+++ words-right.txt\n@@ -1 +1 @@\n"
                           "we refund [-10-]{+5+} EUR [-today-]{+tomorrow+}\n"));
    }

    void latin1BytesSurvive()
    {
        // Not UTF-8: read and written byte for byte, so the patch still applies.
        write(QStringLiteral("latin1-left.txt"), "caf\xe9 ol\xe9\n");
        write(QStringLiteral("latin1-right.txt"), "cafe ol\xe9\n");
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(COUNTERSIGN_CLI_PATH),
            {QStringLiteral("diff"), QStringLiteral("latin1-left.txt"), QStringLiteral("latin1-right.txt")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 1);
        QCOMPARE(p.readAllStandardOutput(),
            QByteArray("--- latin1-left.txt\n+++ latin1-right.txt\n@@ -1 +1 @@\n"
                       "-caf\xe9 ol\xe9\n+cafe ol\xe9\n"));
    }

    void binaryFiles()
    {
        const Run r = run({QStringLiteral("left.txt"), QStringLiteral("binary.bin")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QStringLiteral("Binary files left.txt and binary.bin differ\n"));
    }

    void errorsAreTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("left.txt"), QStringLiteral("nope.txt")}
            << QStringLiteral("countersign-cli diff: cannot read 'nope.txt': No such file or directory\n");
        QTest::newRow("directory") << QStringList{QStringLiteral("left.txt"), QStringLiteral(".")}
                                   << QStringLiteral("countersign-cli diff: cannot read '.': ");
        QTest::newRow("one file") << QStringList{QStringLiteral("left.txt")}
                                  << QStringLiteral("countersign-cli diff: two files expected\n");
        QTest::newRow("three files") << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}
                                     << QStringLiteral("countersign-cli diff: extra operand 'c'\n");
        QTest::newRow("bad context") << QStringList{QStringLiteral("--context"), QStringLiteral("-3"),
            QStringLiteral("a"),
            QStringLiteral(
                "b")} << QStringLiteral("countersign-cli diff: invalid context length '-3' (a number >= 0 expected)\n");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("a"),
            QStringLiteral("b")} << QStringLiteral("countersign-cli diff: unknown option '--frobnicate'\n");
    }

    void errorsAreTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(message), qPrintable(r.err));
    }

    void help()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: countersign-cli diff")));
    }
};

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
