// The review pane with a payload in language "diff": the patch view's file list, counts, filter,
// Next/Previous file keys, per-file rendering, the notice for a patch that does not parse, and
// Modify writing a whole patch again that applies to the real old tree.
#include "diff/diffdisplaymodel.h"
#include "diff/diffeditor.h"
#include "diff/diffpane.h"
#include "diff/diffwidget.h"
#include "diff/patchset.h"
#include "diff/patchwriter.h"
#include "diff/sidebysidediffview.h"
#include "diff/unifieddiff.h"
#include "diff/unifieddiffview.h"
#include "diff/whitespacechange.h"
#include "review/patchfilemodel.h"
#include "review/patchview.h"
#include "review/reviewpane.h"
#include "testdata.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTest>
#include <QTreeView>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

QString patchText()
{
    return QString::fromUtf8(Test::readData(u"patches/multi/patch.diff"_s));
}

QString tree(const QString &side, const QString &path)
{
    return QString::fromUtf8(Test::readData(u"patches/multi/%1/%2.txt"_s.arg(side, path)));
}

Action patchAction(const QString &content)
{
    Action a;
    a.id = u"a-1"_s;
    a.type = u"code.merge_patch"_s;
    a.category = u"code"_s;
    a.title = u"Gift notes"_s;
    a.payload.content = content;
    a.payload.language = u"diff"_s;
    a.createdAt = QDateTime::currentDateTimeUtc();
    return a;
}

int indexOf(const PatchView *view, const QString &path)
{
    for (qsizetype i = 0; i < view->patch().files().size(); ++i) {
        if (view->patch().files().at(i).path() == path)
            return int(i);
    }
    return -1;
}

} // namespace

class TestPatchView : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReviewPane> m_pane;

    PatchView *view() const { return m_pane->patchView(); }
    QTreeView *list() const { return view()->fileList(); }
    QString listRow(int row) const
    {
        const QAbstractItemModel *model = list()->model();
        return model->index(row, PatchFileModel::StatusColumn).data().toString() + u' '
            + model->index(row, PatchFileModel::PathColumn).data().toString() + u' '
            + model->index(row, PatchFileModel::ChangesColumn).data().toString();
    }

private Q_SLOTS:
    void init()
    {
        m_pane = std::make_unique<ReviewPane>();
        m_pane->resize(1100, 800);
        m_pane->showAction(patchAction(patchText()), 0.8);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
    }
    void cleanup() { m_pane.reset(); }

    void theFileListShowsStatusAndCounts()
    {
        QVERIFY(m_pane->isShowingPatch());
        QVERIFY(view()->isVisible());
        QVERIFY(!m_pane->diffWidget()->isVisible());
        QAbstractItemModelTester tester(list()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(list()->model()->rowCount(), 10);
        QCOMPARE(listRow(0), u"A NOTES +1 \u22120"_s);
        QCOMPARE(listRow(1), u"R core/diff/diffrow.h \u2192 core/diff/row.h +0 \u22120"_s);
        QCOMPARE(listRow(3), u"D core/diff/worddiff.h +0 \u221215"_s);
        QCOMPARE(listRow(4), u"M db/migrate.sql +2 \u22123"_s);
        QCOMPARE(listRow(8), u"A ui/mainwindow/mainwindowflows.cpp +247 \u22120"_s);
        QVERIFY(list()->model()->index(3, 0).data(Qt::ToolTipRole).toString().contains(u"removed"_s));
        const QString summary = m_pane->findChild<QLabel *>(u"patchSummary"_s)->text();
        QVERIFY2(summary.startsWith(u"10 file"_s) && summary.endsWith(u" · +268 \u221221"_s), qPrintable(summary));
    }

    void eachFileRendersItsHunksHighlightedByItsExtension()
    {
        DiffWidget *diff = view()->diffWidget();
        view()->setCurrentFile(indexOf(view(), u"db/migrate.sql"_s));
        QCOMPARE(diff->definition().name(), u"SQL"_s);
        QCOMPARE(diff->diff().addedCount(), 2);
        QCOMPARE(diff->diff().removedCount(), 3);
        QVERIFY(diff->diff().isPartial());

        view()->setCurrentFile(indexOf(view(), u"ui/mainwindow/shortcutsdialog.cpp"_s));
        QCOMPARE(diff->definition().name(), u"C++"_s);
        QCOMPARE(diff->diff().addedCount(), 7);
        QCOMPARE(diff->diff().hunks().size(), 1);
        QCOMPARE(diff->diff().hunks().first().leftStart, 35); // "@@ -36,18 +36,23 @@"
        // The 35 lines before the hunk are a separator, not 35 empty rows.
        const DiffDisplayModel &rows = diff->sideBySideView()->model();
        QCOMPARE(rows.row(0).kind, DiffDisplayModel::Row::Kind::Fold);
        QCOMPARE(rows.row(0).hidden, 35);
        QCOMPARE(rows.row(0).source, -1); // lines the patch does not know: not expandable
        QCOMPARE(rows.row(1).leftLine, 35);
        // The list follows the current file.
        QCOMPARE(list()->currentIndex().data(PatchFileModel::IndexRole).toInt(), view()->currentFile());

        // A file without hunks says why nothing is drawn.
        view()->setCurrentFile(indexOf(view(), u"core/diff/row.h"_s));
        auto *notice = view()->findChild<QLabel *>(u"patchFileNotice"_s);
        QTRY_VERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(u"renamed"_s));
    }

    void theSeparatorBeforeAHunkShowsItsHeader()
    {
        DiffWidget *diff = view()->diffWidget();
        view()->setCurrentFile(indexOf(view(), u"tests/core/server/restartableserver.cpp"_s));
        const QString header = u"@@ -107,6 +107,14 @@ bool RestartableServer::decide(const QString &id, const Decision "
                               "&decision, cons"_s;
        QCOMPARE(diff->diff().hunks().first().section,
            u"bool RestartableServer::decide(const QString &id, const Decision &decision, cons"_s);

        // Side by side: the separator says how many lines are hidden (left pane) and which hunk
        // follows (right pane).
        SideBySideDiffView *sides = diff->sideBySideView();
        QCOMPARE(sides->model().row(0).kind, DiffDisplayModel::Row::Kind::Fold);
        QCOMPARE(sides->model().row(0).hidden, 106);
        QVERIFY2(sides->leftPane()->foldLabel(0).startsWith(u"\u22EF 106 line"_s),
            qPrintable(sides->leftPane()->foldLabel(0)));
        QCOMPARE(sides->rightPane()->foldLabel(0), header);
        // Rows that are no separator have no label.
        QVERIFY(sides->leftPane()->foldLabel(1).isEmpty());

        // The unified view too.
        diff->setMode(DiffWidget::Mode::Unified);
        DiffPane *unified = diff->unifiedView()->pane();
        QTRY_VERIFY(unified->isVisible());
        QVERIFY2(unified->foldLabel(0).startsWith(u"\u22EF 106 line"_s) && unified->foldLabel(0).endsWith(header),
            qPrintable(unified->foldLabel(0)));

        // A hunk at the top of its file has no separator.
        view()->setCurrentFile(indexOf(view(), u"db/migrate.sql"_s));
        QVERIFY(diff->unifiedView()->model().row(0).kind != DiffDisplayModel::Row::Kind::Fold);
    }

    void clickingAFileInTheListShowsIt()
    {
        const QModelIndex row = list()->model()->index(4, PatchFileModel::PathColumn);
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, list()->visualRect(row).center());
        QTRY_COMPARE(view()->currentFile(), 4);
        QCOMPARE(view()->diffWidget()->diff().removedCount(), 3);
    }

    void theFilterNarrowsTheListByPath()
    {
        auto *filter = m_pane->findChild<QLineEdit *>(u"patchFileFilter"_s);
        QVERIFY(filter);
        filter->setFocus();
        QTest::keyClicks(filter, u"MAINWINDOW"_s);
        QCOMPARE(list()->model()->rowCount(), 3);
        // The first match becomes current since NOTES is filtered out.
        QCOMPARE(view()->patch().files().at(view()->currentFile()).path(), u"ui/mainwindow/CMakeLists.txt"_s);
        // Next file walks the filtered list only.
        QVERIFY(view()->goToNextFile());
        QVERIFY(view()->goToNextFile());
        QVERIFY(!view()->goToNextFile());
        QCOMPARE(view()->patch().files().at(view()->currentFile()).path(), u"ui/mainwindow/shortcutsdialog.cpp"_s);
        filter->clear();
        QCOMPARE(list()->model()->rowCount(), 10);
        QCOMPARE(view()->patch().files().at(view()->currentFile()).path(), u"ui/mainwindow/shortcutsdialog.cpp"_s);
    }

    void altPageDownAndUpMoveBetweenFiles()
    {
        list()->setFocus();
        QCOMPARE(view()->currentFile(), 0);
        QTest::keyClick(list(), Qt::Key_PageDown, Qt::AltModifier);
        QTRY_COMPARE(view()->currentFile(), 1);
        QTest::keyClick(list(), Qt::Key_PageDown, Qt::AltModifier);
        QTRY_COMPARE(view()->currentFile(), 2);
        // From inside the diff too.
        view()->diffWidget()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::AltModifier);
        QTRY_COMPARE(view()->currentFile(), 1);
        QCOMPARE(view()->nextFileAction()->shortcut(), QKeySequence(Qt::ALT | Qt::Key_PageDown));
        QCOMPARE(view()->previousFileAction()->shortcut(), QKeySequence(Qt::ALT | Qt::Key_PageUp));
    }

    void aPatchThatDoesNotParseIsShownAsTextWithANotice()
    {
        const QString broken = u"diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n one\n"_s;
        Action brokenAction = patchAction(broken);
        brokenAction.id = u"a-broken"_s;
        m_pane->showAction(brokenAction, 0.8);
        QVERIFY(!m_pane->isShowingPatch());
        auto *notice = m_pane->findChild<QLabel *>(u"patchParseNotice"_s);
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(u"line 6: the hunk ends early"_s), qPrintable(notice->text()));
        QVERIFY(m_pane->diffWidget()->isVisible());
        QCOMPARE(m_pane->diffWidget()->editedText(), broken);

        // The next patch that parses hides the notice again.
        m_pane->showAction(std::nullopt, 0.8);
        Action good = patchAction(patchText());
        good.id = u"a-2"_s;
        m_pane->showAction(good, 0.8);
        QVERIFY(m_pane->isShowingPatch());
        QVERIFY(!notice->isVisible());
    }

    // Modify: edit the new side of two files, move between files, approve -> the whole patch is
    // written again and applies to the real old tree, giving the edited files.
    void modifyWritesAPatchThatAppliesToTheOldTree()
    {
        m_pane->startEditing();
        QVERIFY(view()->isEditing());
        DiffWidget *diff = view()->diffWidget();

        const int cpp = indexOf(view(), u"tests/core/server/restartableserver.cpp"_s);
        view()->setCurrentFile(cpp);
        QVERIFY(diff->isEditable());
        auto *editor = diff->findChild<DiffEditor *>(u"diffEditor"_s);
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QString edited = diff->editedText();
        const qsizetype at = edited.indexOf(u"test-admin"_s);
        QVERIFY(at > 0);
        QTextCursor cursor = editor->textCursor();
        cursor.setPosition(int(at));
        editor->setTextCursor(cursor);
        editor->setFocus();
        QTest::keyClicks(editor, u"lead-"_s);
        QTRY_VERIFY(m_pane->hasEdits());

        // Another file; the first edit is kept.
        const int sql = indexOf(view(), u"db/migrate.sql"_s);
        view()->setCurrentFile(sql);
        QString sqlEdit = diff->editedText();
        sqlEdit.replace(u"gift_note text"_s, u"gift_note varchar(200)"_s);
        diff->setEditedText(sqlEdit);
        view()->setCurrentFile(cpp);
        QVERIFY(diff->editedText().contains(u"lead-test-admin"_s));
        QVERIFY(list()->model()->index(cpp, PatchFileModel::PathColumn).data().toString().endsWith(u"\u270E"_s));

        QTRY_VERIFY(m_pane->editProblem().isEmpty());
        const QString sent = m_pane->editedText();
        const auto again = PatchSet::parse(sent);
        CS_VERIFY_OK(again);
        QCOMPARE(again->files().size(), 10);
        for (const PatchFile &f : again->files()) {
            if (!f.hasHunks())
                continue;
            const auto applied
                = UnifiedDiff::apply(f.diff, f.oldPath.isEmpty() ? QString() : tree(u"old"_s, f.oldPath));
            QVERIFY2(applied, qPrintable(f.path()));
            if (f.newPath.isEmpty())
                continue;
            QString expected = tree(u"new"_s, f.newPath);
            if (f.newPath == u"tests/core/server/restartableserver.cpp")
                expected.replace(u"test-admin"_s, u"lead-test-admin"_s);
            if (f.newPath == u"db/migrate.sql")
                expected.replace(u"gift_note text"_s, u"gift_note varchar(200)"_s);
            QCOMPARE(*applied, expected);
        }

        // Cancel throws the edits away.
        m_pane->cancelEditing();
        QVERIFY(!m_pane->hasEdits());
        QCOMPARE(view()->editedPatch().value_or(QString()), patchText());
    }

    // The three views of a text work per file for a patch: the patch, your edits against the
    // agent's new side, and the result against the old side; an edit is kept across them.
    void aPatchHasTheThreeViewsPerFile()
    {
        auto *views = m_pane->findChild<QTabBar *>(u"reviewViews"_s);
        QVERIFY(views);
        QTRY_VERIFY(views->isVisible());
        QCOMPARE(m_pane->view(), ReviewPane::View::Proposed);
        DiffWidget *diff = view()->diffWidget();
        const int sql = indexOf(view(), u"db/migrate.sql"_s);
        view()->setCurrentFile(sql);
        const PatchFile &file = view()->patch().files().at(sql);
        const auto texts = PatchWriter::editableTexts(file);
        QVERIFY(texts);
        QVERIFY(diff->diff().isPartial()); // the patch itself
        QVERIFY(!diff->isEditable());

        // Modify opens on your edits: the agent's new side on the left, nothing changed yet.
        m_pane->startEditing();
        QCOMPARE(m_pane->view(), ReviewPane::View::Edits);
        QCOMPARE(views->currentIndex(), 1);
        QVERIFY(diff->isEditable());
        QCOMPARE(diff->leftText(), texts->newText);
        QTRY_VERIFY(diff->diff().isIdentical());
        QString edit = diff->editedText();
        edit.replace(u"gift_note text"_s, u"gift_note varchar(200)"_s);
        diff->setEditedText(edit);
        QTRY_VERIFY(m_pane->hasEdits());
        QTRY_COMPARE(diff->diff().addedCount(), 1); // only the reviewer's change

        // Result: the old side against your version, still editable.
        m_pane->setView(ReviewPane::View::Result);
        QCOMPARE(views->currentIndex(), 2);
        QVERIFY(diff->isEditable());
        QCOMPARE(diff->leftText(), texts->oldText);
        QCOMPARE(diff->editedText(), edit);

        // Proposed: the patch as the agent sent it, read-only; the edit waits.
        m_pane->setView(ReviewPane::View::Proposed);
        QVERIFY(!diff->isEditable());
        QTRY_VERIFY(diff->diff().isPartial());
        QVERIFY(m_pane->hasEdits());
        m_pane->setView(ReviewPane::View::Edits);
        QCOMPARE(diff->editedText(), edit);
        QTRY_VERIFY(m_pane->editProblem().isEmpty());
        QVERIFY(m_pane->editedText().contains(u"\n+ALTER TABLE orders ADD COLUMN gift_note varchar(200);\n"_s));
    }

    void anEditOfAHiddenLineBlocksApproving()
    {
        auto *approve = m_pane->findChild<QPushButton *>(u"approveButton"_s);
        QVERIFY(approve);
        m_pane->startEditing();
        QVERIFY(approve->isEnabled());
        view()->setCurrentFile(indexOf(view(), u"ui/mainwindow/shortcutsdialog.cpp"_s));
        DiffWidget *diff = view()->diffWidget();
        QVERIFY(diff->editedText().startsWith(u'\n')); // line 1 is not in the patch
        diff->setEditedText(u"typed"_s + diff->editedText());
        QTRY_VERIFY(!m_pane->editProblem().isEmpty());
        QVERIFY(m_pane->editProblem().contains(u"line 1"_s));
        auto *problem = view()->findChild<QLabel *>(u"patchEditProblem"_s);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY(!approve->isEnabled());
    }

    // Rows whose lines differ in whitespace only are dimmed; any other difference is not.
    void whitespaceOnlyChangesAreRecognised()
    {
        QVERIFY(isWhitespaceOnlyChange(u"    return x;", u"\treturn x;  "));
        QVERIFY(isWhitespaceOnlyChange(u"a = b", u"a=b"));
        QVERIFY(!isWhitespaceOnlyChange(u"a = b", u"a = c"));
        QVERIFY(!isWhitespaceOnlyChange(u"same", u"same"));
        QVERIFY(!isWhitespaceOnlyChange(u"x", u"x y"));
        QVERIFY(!isWhitespaceOnlyChange(u"", u"x"));
    }

    void aKeptEditIsRestored()
    {
        m_pane->startEditing();
        const int sql = indexOf(view(), u"db/migrate.sql"_s);
        view()->setCurrentFile(sql);
        QString sqlEdit = view()->diffWidget()->editedText();
        sqlEdit.replace(u"gift_note text"_s, u"gift_note jsonb"_s);
        view()->diffWidget()->setEditedText(sqlEdit);
        const QString kept = m_pane->editedText();
        QVERIFY(kept.contains(u"gift_note jsonb"_s));

        m_pane->showAction(std::nullopt, 0.8);
        Action again = patchAction(patchText());
        again.id = u"a-3"_s;
        m_pane->showAction(again, 0.8);
        QVERIFY(!m_pane->hasEdits());
        m_pane->restoreEdit(kept);
        QVERIFY(m_pane->hasEdits());
        QCOMPARE(m_pane->editedText(), kept);
    }
};

QTEST_MAIN(TestPatchView)
#include "tst_patchview.moc"
