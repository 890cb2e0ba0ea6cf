#include "diff/differ.h"
#include "diff/unifieddiff.h"
#include "diffdump.h"
#include "randomtext.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

QString describe(const QString &left, const QString &right)
{
    auto quote = [](QString s) {
        return s.replace(u'\r', QStringLiteral("\\r")).replace(u'\n', QStringLiteral("\\n\n")).left(2000);
    };
    return QStringLiteral("left:\n%1\nright:\n%2").arg(quote(left), quote(right));
}

} // namespace

class TestDiffRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applyGivesTheRightText_data()
    {
        QTest::addColumn<int>("contextLines");
        QTest::addColumn<bool>("refineWords");
        QTest::newRow("context 3") << 3 << true;
        QTest::newRow("context 0") << 0 << false;
        QTest::newRow("whole file") << -1 << true;
    }

    // diff(left, right) applied to left gives right, directly and through the unified text
    // (export -> import -> apply); the imported model equals the exported one.
    void applyGivesTheRightText()
    {
        QFETCH(int, contextLines);
        QFETCH(bool, refineWords);
        Test::RandomText random(1234 + quint32(contextLines));
        DiffOptions options;
        options.contextLines = contextLines;
        options.refineWords = refineWords;
        int pairs = 0;
        int withoutNewline = 0;
        int crlf = 0;
        int surrogates = 0;
        int empty = 0;
        int longLines = 0;
        for (; pairs < 4000; ++pairs) {
            const QString left = random.text();
            const QString right = random.edit(left);
            withoutNewline
                += (!left.isEmpty() && !left.endsWith(u'\n')) || (!right.isEmpty() && !right.endsWith(u'\n'));
            crlf += left.contains(u"\r\n") || right.contains(u"\r\n");
            surrogates += std::any_of(right.cbegin(), right.cend(), [](QChar c) {
                return c.isSurrogate();
            });
            empty += left.isEmpty() || right.isEmpty();
            longLines += left.size() > 10'000 || right.size() > 10'000;

            const FileDiff diff = Differ::diff(left, right, options);
            const Result<QString> applied = UnifiedDiff::apply(diff, left);
            QVERIFY2(applied.has_value(), qPrintable(Test::errorText(applied) + u'\n' + describe(left, right)));
            QVERIFY2(*applied == right, qPrintable(describe(left, right)));
            QCOMPARE(diff.isIdentical(), left == right);

            const QString patch = UnifiedDiff::write(diff);
            QCOMPARE(patch.isEmpty(), left == right);
            const Result<QList<FileDiff>> parsed = UnifiedDiff::parse(patch);
            QVERIFY2(parsed.has_value(), qPrintable(Test::errorText(parsed) + u'\n' + patch));
            if (left == right) {
                QVERIFY(parsed->isEmpty());
                continue;
            }
            QCOMPARE(parsed->size(), 1);
            const FileDiff &imported = parsed->first();
            const Result<QString> reapplied = UnifiedDiff::apply(imported, left);
            QVERIFY2(reapplied.has_value(), qPrintable(Test::errorText(reapplied) + u'\n' + patch));
            QVERIFY2(*reapplied == right, qPrintable(describe(left, right) + u'\n' + patch));
            QCOMPARE(imported.addedCount(), diff.addedCount());
            QCOMPARE(imported.removedCount(), diff.removedCount());
            if (contextLines >= 0 && refineWords) {
                // Same rows, same pairing, same spans: one model whichever way it was made.
                QList<DiffHunk> withChanges;
                for (const DiffHunk &h : diff.hunks()) {
                    if (h.hasChanges())
                        withChanges.append(h);
                }
                QCOMPARE(imported.hunks(), withChanges);
            }
        }
        qInfo("%d pairs: %d without final newline, %d CRLF, %d with surrogate pairs, %d empty, %d long", pairs,
            withoutNewline, crlf, surrogates, empty, longLines);
        // The generator must have covered the awkward cases.
        QVERIFY(withoutNewline > 100 && crlf > 100 && surrogates > 100 && empty > 100 && longLines > 10);
    }

    // git itself accepts the exported patches and produces the right file.
    void gitApplyAccepts()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed (the Windows build under Wine)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Test::RandomText random(777);
        int checked = 0;
        while (checked < 120) {
            const QString left = random.text();
            const QString right = random.edit(left);
            if (left == right)
                continue;
            FileDiff diff = Differ::diff(left, right);
            diff.setLeftName(QStringLiteral("a/file.txt"));
            diff.setRightName(QStringLiteral("b/file.txt"));
            const QString patch = UnifiedDiff::write(diff);

            QFile file(dir.filePath(QStringLiteral("file.txt")));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(left.toUtf8());
            file.close();
            QFile patchFile(dir.filePath(QStringLiteral("change.patch")));
            QVERIFY(patchFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
            patchFile.write(patch.toUtf8());
            patchFile.close();

            for (const QString &mode : {QStringLiteral("--check"), QStringLiteral("--whitespace=nowarn")}) {
                QProcess git;
                git.setWorkingDirectory(dir.path());
                git.start(QStringLiteral("git"), {QStringLiteral("apply"), mode, QStringLiteral("change.patch")});
                QVERIFY(git.waitForFinished(30'000));
                QVERIFY2(
                    git.exitCode() == 0, qPrintable(QString::fromUtf8(git.readAllStandardError()) + u'\n' + patch));
            }
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(QString::fromUtf8(file.readAll()) == right, qPrintable(describe(left, right)));
            file.close();
            ++checked;
        }
    }
};

QTEST_GUILESS_MAIN(TestDiffRoundTrip)
#include "tst_diffroundtrip.moc"
