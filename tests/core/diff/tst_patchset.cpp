// PatchSet and PatchWriter: a real multi-file git patch read into files with their status and
// counts, and the reviewer's edit of a file's new side written back into a patch that applies.
#include "diff/patchset.h"
#include "diff/patchwriter.h"
#include "diff/unifieddiff.h"
#include "testdata.h"
#include "testresult.h"

#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

const QString PatchPath = QStringLiteral("patches/multi/patch.diff");

QString patchText()
{
    return QString::fromUtf8(Test::readData(PatchPath));
}

// A file of the real change before or after it.
QString tree(const QString &side, const QString &path)
{
    return QString::fromUtf8(Test::readData(QStringLiteral("patches/multi/%1/%2.txt").arg(side, path)));
}

const PatchFile *fileAt(const PatchSet &set, const QString &path)
{
    for (const PatchFile &f : set.files()) {
        if (f.path() == path)
            return &f;
    }
    return nullptr;
}

// Applies every file of a patch to the old tree; the new tree by path.
QHash<QString, QString> applyAll(const PatchSet &set)
{
    QHash<QString, QString> out;
    for (const PatchFile &f : set.files()) {
        const QString old = f.oldPath.isEmpty() ? QString() : tree(QStringLiteral("old"), f.oldPath);
        const auto applied = UnifiedDiff::apply(f.diff, old);
        if (!applied) {
            qWarning() << f.path() << applied.error().message;
            return {};
        }
        if (!f.newPath.isEmpty())
            out.insert(f.newPath, *applied);
    }
    return out;
}

} // namespace

class TestPatchSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aGitPatchReadsIntoFilesWithStatusAndCounts()
    {
        const auto set = PatchSet::parse(patchText());
        CS_VERIFY_OK(set);
        QCOMPARE(set->files().size(), 10);
        QVERIFY(set->preamble().startsWith(u"From "));

        using S = PatchFile::Status;
        struct Expect {
            QString path;
            S status;
            int added;
            int removed;
            QString oldPath;
        };
        const QList<Expect> expected{
            {u"NOTES"_s, S::Added, 1, 0, {}},
            {u"core/diff/row.h"_s, S::Renamed, 0, 0, u"core/diff/diffrow.h"_s},
            {u"core/diff/textsplit.cpp"_s, S::Renamed, 1, 1, u"core/diff/textlines.cpp"_s},
            {u"core/diff/worddiff.h"_s, S::Removed, 0, 15, u"core/diff/worddiff.h"_s},
            {u"db/migrate.sql"_s, S::Modified, 2, 3, u"db/migrate.sql"_s},
            {u"tests/core/server/restartableserver.cpp"_s, S::Modified, 8, 0,
                u"tests/core/server/restartableserver.cpp"_s},
            {u"tests/core/server/restartableserver.h"_s, S::Modified, 1, 0, u"tests/core/server/restartableserver.h"_s},
            {u"ui/mainwindow/CMakeLists.txt"_s, S::Modified, 1, 0, u"ui/mainwindow/CMakeLists.txt"_s},
            {u"ui/mainwindow/mainwindowflows.cpp"_s, S::Added, 247, 0, {}},
            {u"ui/mainwindow/shortcutsdialog.cpp"_s, S::Modified, 7, 2, u"ui/mainwindow/shortcutsdialog.cpp"_s},
        };
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const PatchFile &f = set->files().at(i);
            const Expect &e = expected.at(i);
            QCOMPARE(f.path(), e.path);
            QCOMPARE(f.status, e.status);
            QCOMPARE(f.oldPath, e.oldPath);
            QCOMPARE(f.addedCount(), e.added);
            QCOMPARE(f.removedCount(), e.removed);
        }
        QCOMPARE(set->files().at(1).hasHunks(), false);
        QCOMPARE(set->files().at(1).displayPath(), u"core/diff/diffrow.h \u2192 core/diff/row.h"_s);
        QCOMPARE(set->files().at(9).extension(), u"cpp"_s);
        QCOMPARE(set->files().at(4).extension(), u"sql"_s);
        // "--- Written for ..." is a removed SQL comment inside a hunk, not a file header.
        QVERIFY(set->files().at(4).diff.leftLines().contains(u"-- Written for the 2026 release."_s));
        QCOMPARE(set->addedCount(), 268);
        QCOMPARE(set->removedCount(), 21);
    }

    void everyFileAppliesToTheRealOldTree()
    {
        const auto set = PatchSet::parse(patchText());
        QVERIFY(set);
        const QHash<QString, QString> applied = applyAll(*set);
        QVERIFY(!applied.isEmpty());
        for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
            if (fileAt(*set, it.key())->hasHunks())
                QCOMPARE(it.value(), tree(QStringLiteral("new"), it.key()));
        }
    }

    void nothingEditedWritesThePatchBackUnchanged()
    {
        const auto set = PatchSet::parse(patchText());
        QVERIFY(set);
        const auto written = PatchWriter::write(*set, {});
        QVERIFY(written);
        QCOMPARE(*written, patchText());
    }

    // parse -> edit a file's new side -> regenerate -> apply to the real old side = the edit.
    void anEditedNewSideRegeneratesAPatchThatApplies_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("find");
        QTest::addColumn<QString>("replace");
        QTest::newRow("change an added line")
            << u"tests/core/server/restartableserver.cpp"_s << u"test-admin"_s << u"lead-test-admin"_s;
        QTest::newRow("add a line after a context line")
            << u"ui/mainwindow/CMakeLists.txt"_s << u"mainwindowflows.cpp"_s
            << u"mainwindowflows.cpp\n    reviewed.cpp"_s;
        QTest::newRow("undo a removal in sql") << u"db/migrate.sql"_s << u"-- Orders get a gift note.\n"_s
                                               << u"-- Orders get a gift note.\n-- Written for the 2026 release.\n"_s;
        QTest::newRow("edit an added file") << u"ui/mainwindow/mainwindowflows.cpp"_s << u"namespace Countersign {"_s
                                            << u"namespace Countersign { // reviewed"_s;
        QTest::newRow("edit a renamed file") << u"core/diff/textsplit.cpp"_s << u"// split"_s << u"// reviewed"_s;
        QTest::newRow("add an empty line next to hidden lines")
            << u"ui/mainwindow/shortcutsdialog.cpp"_s << u"    layout->addWidget(m_list);\n"_s
            << u"\n    layout->addWidget(m_list);\n"_s;
    }
    void anEditedNewSideRegeneratesAPatchThatApplies()
    {
        QFETCH(QString, path);
        QFETCH(QString, find);
        QFETCH(QString, replace);
        const auto set = PatchSet::parse(patchText());
        QVERIFY(set);
        int index = -1;
        for (qsizetype i = 0; i < set->files().size(); ++i) {
            if (set->files().at(i).path() == path)
                index = int(i);
        }
        QVERIFY(index >= 0);
        const PatchFile &file = set->files().at(index);
        QVERIFY(PatchWriter::canEdit(file));
        const auto texts = PatchWriter::editableTexts(file);
        QVERIFY(texts);
        QVERIFY2(texts->newText.contains(find), qPrintable(texts->newText));
        QString edited = texts->newText;
        edited.replace(edited.indexOf(find), find.size(), replace);

        const auto written = PatchWriter::write(*set, {{index, edited}});
        CS_VERIFY_OK(written);
        QVERIFY(!written->contains(u"index "_s + u"0000000"_s) || path != u"NOTES"_s);

        // The regenerated patch parses, keeps every file, and applies to the real old tree.
        const auto again = PatchSet::parse(*written);
        CS_VERIFY_OK(again);
        QCOMPARE(again->files().size(), set->files().size());
        const QHash<QString, QString> applied = applyAll(*again);
        QVERIFY(!applied.isEmpty());
        QString expected = tree(QStringLiteral("new"), path);
        QVERIFY(expected.contains(find));
        expected.replace(expected.indexOf(find), find.size(), replace);
        QCOMPARE(applied.value(path), expected);
        // The other files are untouched.
        for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
            if (it.key() != path && fileAt(*again, it.key())->hasHunks())
                QCOMPARE(it.value(), tree(QStringLiteral("new"), it.key()));
        }
    }

    void anEditOfAHiddenLineIsRefused()
    {
        const auto set = PatchSet::parse(patchText());
        QVERIFY(set);
        int index = -1;
        for (qsizetype i = 0; i < set->files().size(); ++i) {
            if (set->files().at(i).path() == u"ui/mainwindow/shortcutsdialog.cpp")
                index = int(i);
        }
        const auto texts = PatchWriter::editableTexts(set->files().at(index));
        QVERIFY(texts);
        // The first line of the file is not in the patch: the editor shows it empty.
        QVERIFY(texts->newText.startsWith(u'\n'));
        const auto written = PatchWriter::write(*set, {{index, u"typed"_s + texts->newText.sliced(1)}});
        QVERIFY(!written);
        QVERIFY2(
            written.error().message.contains(u"shortcutsdialog.cpp, line 1"_s), qPrintable(written.error().message));
    }

    void undoingEveryChangeOfAFileLeavesItOut()
    {
        const auto set = PatchSet::parse(patchText());
        QVERIFY(set);
        const int index = 6; // restartableserver.h, one added line
        QCOMPARE(set->files().at(index).path(), u"tests/core/server/restartableserver.h"_s);
        const auto texts = PatchWriter::editableTexts(set->files().at(index));
        QVERIFY(texts);
        const auto written = PatchWriter::write(*set, {{index, texts->oldText}});
        QVERIFY(written);
        const auto again = PatchSet::parse(*written);
        QVERIFY(again);
        QCOMPARE(again->files().size(), set->files().size() - 1);
        QVERIFY(!fileAt(*again, u"tests/core/server/restartableserver.h"_s));
    }

    void removedBinaryAndHunklessFilesAreNotEditable()
    {
        const auto set = PatchSet::parse(patchText()
            + u"diff --git a/logo.png b/logo.png\nindex 1111111..2222222 100644\nBinary files a/logo.png and b/logo.png differ\n"_s);
        QVERIFY(set);
        QCOMPARE(set->files().size(), 11);
        QVERIFY(set->files().last().binary);
        QCOMPARE(set->files().last().path(), u"logo.png"_s);
        QVERIFY(!PatchWriter::canEdit(set->files().last()));
        QVERIFY(!PatchWriter::canEdit(*fileAt(*set, u"core/diff/worddiff.h"_s)));
        QVERIFY(!PatchWriter::canEdit(*fileAt(*set, u"core/diff/row.h"_s)));
        QVERIFY(!PatchWriter::editableTexts(*fileAt(*set, u"core/diff/row.h"_s)));
    }

    void aPlainDiffWithoutGitHeadersReadsToo()
    {
        const QString patch = u"--- a.txt\t2026-01-01\n+++ a.txt\t2026-01-02\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n"
                              "--- /dev/null\n+++ b.txt\n@@ -0,0 +1 @@\n+new\n"_s;
        const auto set = PatchSet::parse(patch);
        QVERIFY(set);
        QCOMPARE(set->files().size(), 2);
        QCOMPARE(set->files().at(0).status, PatchFile::Status::Modified);
        QCOMPARE(set->files().at(0).path(), u"a.txt"_s);
        QCOMPARE(set->files().at(1).status, PatchFile::Status::Added);
        QCOMPARE(set->files().at(1).path(), u"b.txt"_s);
    }

    void aPatchThatDoesNotParseSaysWhereAndWhy_data()
    {
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("message");
        QTest::newRow("prose") << u"Please merge my branch.\n"_s << u"no unified diff found"_s;
        QTest::newRow("empty") << QString() << u"no unified diff found"_s;
        QTest::newRow("bad hunk header") << u"diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n"
                                            "diff --git a/y b/y\n--- a/y\n+++ b/y\n@@ bad @@\n"_s
                                         << u"line 11: malformed hunk header"_s;
        QTest::newRow("hunk ends early") << u"--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n one\n"_s
                                         << u"line 5: the hunk ends early"_s;
    }
    void aPatchThatDoesNotParseSaysWhereAndWhy()
    {
        QFETCH(QString, patch);
        QFETCH(QString, message);
        const auto set = PatchSet::parse(patch);
        QVERIFY(!set);
        QCOMPARE(set.error().field, u"patch"_s);
        CS_VERIFY_ERROR_MESSAGE(set, message);
    }

    // Work follows the patch's size: a hunk header claiming a billion lines costs nothing.
    void hugeLineNumbersCostNothing()
    {
        const QString patch = u"--- a/x\n+++ b/x\n@@ -900000000,2 +900000000,2 @@\n one\n-two\n+2\n"_s;
        const auto set = PatchSet::parse(patch);
        QVERIFY(set);
        QCOMPARE(set->files().size(), 1);
        QVERIFY(!PatchWriter::canEdit(set->files().first()));
    }
};

QTEST_GUILESS_MAIN(TestPatchSet)
#include "tst_patchset.moc"
