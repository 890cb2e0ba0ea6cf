#include "diff/diffeditor.h"
#include "diff/diffoverviewruler.h"
#include "diff/diffpane.h"
#include "diff/diffwidget.h"
#include "diff/editablediffview.h"
#include "diff/sidebysidediffview.h"
#include "diff/unifieddiffview.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <algorithm>

using namespace Countersign;
using namespace Qt::StringLiterals;
using Kind = DiffDisplayModel::Row::Kind;

// Reading comfort (issue 18, part 4): word wrap with level rows, panes scrolling together,
// the overview ruler and copying a hunk of the draft back into the reviewer's version.
namespace {

// A long paragraph (one line) that wraps many times in a narrow pane.
QString paragraph(int n)
{
    QString text;
    for (int i = 0; i < 30; ++i)
        text += u"word%1 "_s.arg(n * 100 + i);
    return text.trimmed();
}

// Prose: 60 lines, every 5th a long paragraph; the right side changes some lines.
QString prose(bool changed)
{
    QStringList lines;
    for (int i = 0; i < 60; ++i)
        lines << (i % 5 == 0 ? paragraph(i) : u"Short line %1."_s.arg(i));
    if (changed) {
        lines[3] = u"Short line three, reworded."_s;
        lines[10] = u"Paragraph ten is short now."_s; // long on the left, short on the right
        lines.insert(31, paragraph(99)); // a long new paragraph on the right only
    }
    return lines.join(u'\n') + u'\n';
}

// 200 numbered lines of code, 300 characters wide at line 7.
QString code()
{
    QString text;
    for (int i = 0; i < 200; ++i)
        text += (i == 7 ? u"x = \""_s + QString(300, u'y') + u"\"\n"_s : u"line_%1 = %1\n"_s.arg(i));
    return text;
}

QStringList linesOf(const QString &text)
{
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestDiffComfort : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DiffWidget> m_widget;

    DiffPane *pane(const char *name) { return m_widget->findChild<DiffPane *>(QLatin1String(name)); }

    void show(const QString &language, const QString &left, const QString &right)
    {
        m_widget = std::make_unique<DiffWidget>();
        m_widget->resize(900, 500);
        m_widget->setViewFont(QFont(u"DejaVu Sans Mono"_s, 10));
        m_widget->setLanguage(language);
        QSignalSpy updated(m_widget.get(), &DiffWidget::diffUpdated);
        m_widget->setTexts(left, right);
        QVERIFY(updated.wait(10000));
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    }

    // The reviewer edits the draft into `edited`; waits until the diff shows it.
    void edit(const QString &edited)
    {
        m_widget->setEditedText(edited);
        QTRY_VERIFY(!m_widget->isComputing());
        QCOMPARE(m_widget->editedText(), edited);
    }

private Q_SLOTS:
    void cleanup() { m_widget.reset(); }

    void wrapsProseByDefaultAndRemembersTheChoice()
    {
        show(u"markdown"_s, prose(false), prose(true));
        QVERIFY(m_widget->wordWrap());
        QVERIFY(m_widget->wordWrapAction()->isChecked());
        QVERIFY(pane("leftPane")->wordWrap());
        QCOMPARE(pane("rightPane")->horizontalScrollBar()->maximum(), 0);

        m_widget->setLanguage(u"python"_s);
        QVERIFY(!m_widget->wordWrap());
        QVERIFY(!pane("rightPane")->wordWrap());

        // The reviewer turns it on for Python: remembered for Python, not for SQL.
        QSignalSpy toggled(m_widget.get(), &DiffWidget::wordWrapToggled);
        m_widget->wordWrapAction()->trigger();
        QCOMPARE(toggled.count(), 1);
        QCOMPARE(toggled.at(0).at(0).toString(), u"python"_s);
        QCOMPARE(toggled.at(0).at(1).toBool(), true);
        QVERIFY(m_widget->wordWrap());
        m_widget->setLanguage(u"sql"_s);
        QVERIFY(!m_widget->wordWrap());
        m_widget->setLanguage(u"python"_s);
        QVERIFY(m_widget->wordWrap());

        // Choices from the settings win over the defaults.
        m_widget->setWordWrapChoices({{u"markdown"_s, false}});
        m_widget->setLanguage(u"markdown"_s);
        QVERIFY(!m_widget->wordWrap());
        QVERIFY(!m_widget->wordWrapAction()->isChecked());
    }

    void wrappedRowsStayLevelSideBySide()
    {
        show(u"markdown"_s, prose(false), prose(true));
        DiffPane *left = pane("leftPane");
        DiffPane *right = pane("rightPane");
        m_widget->expandAllAction()->trigger();
        const DiffDisplayModel &model = m_widget->sideBySideView()->model();
        QTRY_COMPARE(left->rowLines().size(), model.rowCount());
        QCOMPARE(right->rowLines(), left->rowLines());

        // The long left paragraph (row of left line 10) makes its row tall on both sides,
        // though the right line is short; so does the new right paragraph with nothing left.
        const int tallLeft = model.rowForLeftLine(10);
        const int tallRight = model.rowForRightLine(31);
        QVERIFY(left->rowLines().at(tallLeft) > 1);
        QVERIFY(left->rowLines().at(tallRight) > 1);
        QCOMPARE(model.row(tallRight).leftLine, -1);
        QCOMPARE(model.row(tallRight).kind, Kind::Added);

        // Every row on screen: same position and height in both panes, at any scroll position.
        for (int first : {0, tallLeft, tallRight - 1}) {
            right->setFirstVisibleRow(first);
            QCOMPARE(left->firstVisibleRow(), right->firstVisibleRow());
            for (int row = right->firstVisibleRow(); row < right->firstVisibleRow() + right->visibleRowCount(); ++row) {
                QCOMPARE(left->rowRect(row).top(), right->rowRect(row).top());
                QCOMPARE(left->rowRect(row).height(), right->rowRect(row).height());
            }
        }
        const int top = right->rowRect(tallRight).top();
        QCOMPARE(right->rowAt(QPoint(10, top + right->rowHeight() + 2)), tallRight); // its second line

        // Narrower panes wrap more; the rows stay level.
        const int before = left->rowLines().at(tallLeft);
        m_widget->resize(600, 500);
        QTRY_VERIFY(left->rowLines().value(tallLeft) > before);
        QCOMPARE(right->rowLines(), left->rowLines());

        // Off again: one line per row, sideways scrolling back.
        m_widget->setWordWrap(false);
        QVERIFY(left->rowLines().isEmpty() && right->rowLines().isEmpty());
        QCOMPARE(right->rowRect(tallRight).height(), right->rowHeight());
        QVERIFY(right->horizontalScrollBar()->maximum() > 0);
    }

    void wrappedRowsInTheUnifiedAndEditableViews()
    {
        show(u"markdown"_s, prose(false), prose(true));
        m_widget->setMode(DiffWidget::Mode::Unified);
        DiffPane *unified = pane("unifiedPane");
        QTRY_VERIFY(!unified->rowLines().isEmpty());
        const DiffDisplayModel &model = m_widget->unifiedView()->model();
        const int paragraphRow = model.rowForRightLine(5);
        QVERIFY(unified->rowLines().at(paragraphRow) > 1);
        QCOMPARE(unified->rowRect(paragraphRow).height(), unified->rowLines().at(paragraphRow) * unified->rowHeight());

        // Editing: the editor wraps too, and a draft row is at least as tall as its editor line.
        m_widget->setEditable(true);
        EditableDiffView *view = m_widget->editableView();
        QTRY_VERIFY(!view->leftPane()->rowLines().isEmpty());
        QVERIFY(view->editor()->wordWrap());
        const DiffDisplayModel &leftModel = view->model();
        const int row = leftModel.rowForLeftLine(5); // a long paragraph, unchanged
        const QTextBlock block = view->editor()->document()->findBlockByNumber(leftModel.row(row).rightLine);
        QTRY_VERIFY(block.layout()->lineCount() > 1);
        QTRY_VERIFY(view->leftPane()->rowLines().value(row) >= block.layout()->lineCount());
    }

    void sideBySideScrollsTogetherBothWays()
    {
        show(u"python"_s, code(), code().replace(u"line_50 = 50"_s, u"line_50 = 51"_s));
        m_widget->expandAllAction()->trigger();
        DiffPane *left = pane("leftPane");
        DiffPane *right = pane("rightPane");
        QTRY_VERIFY(right->verticalScrollBar()->maximum() > 100);
        // Vertically: the right scroll bar drives the left, and the left (wheel, keys) the right.
        right->verticalScrollBar()->setValue(90);
        QCOMPARE(left->firstVisibleRow(), 90);
        left->setFirstVisibleRow(30);
        QCOMPARE(right->firstVisibleRow(), 30);
        // Sideways, both ways.
        QTRY_VERIFY(right->horizontalScrollBar()->maximum() > 200);
        right->horizontalScrollBar()->setValue(200);
        QCOMPARE(left->horizontalScrollBar()->value(), 200);
        left->horizontalScrollBar()->setValue(64);
        QCOMPARE(right->horizontalScrollBar()->value(), 64);
        // With wrapping too (vertical only: nothing to scroll sideways).
        m_widget->setWordWrap(true);
        right->setFirstVisibleRow(120);
        QCOMPARE(left->firstVisibleRow(), 120);
        left->setFirstVisibleRow(20);
        QCOMPARE(right->firstVisibleRow(), 20);
    }

    void editingScrollsTogetherBothWays()
    {
        const QString draft = code();
        QString edited = draft;
        edited.replace(u"line_20 = 20\n"_s, QString()); // the rows below shift by one
        show(u"python"_s, draft, draft);
        edit(edited);
        EditableDiffView *view = m_widget->editableView();
        DiffEditor *editor = view->editor();
        DiffPane *left = view->leftPane();
        QTRY_VERIFY(editor->verticalScrollBar()->maximum() > 100);
        editor->setFirstVisibleLine(100);
        QCOMPARE(view->model().row(left->firstVisibleRow()).rightLine, 100);
        QCOMPARE(view->model().row(left->firstVisibleRow()).leftLine, 101);
        left->setFirstVisibleRow(150); // the draft's line 150 is the editor's 149
        QCOMPARE(editor->firstVisibleLine(), 149);
        // Sideways, both ways.
        QTRY_VERIFY(editor->horizontalScrollBar()->maximum() > 100);
        editor->horizontalScrollBar()->setValue(90);
        QCOMPARE(left->horizontalScrollBar()->value(), 90);
        left->horizontalScrollBar()->setValue(30);
        QCOMPARE(editor->horizontalScrollBar()->value(), 30);
    }

    void overviewRulerMarksAndJumps()
    {
        QString right = code();
        right.replace(u"line_150 = 150"_s, u"line_150 = 151"_s); // changed
        right.replace(u"line_30 = 30\n"_s, QString()); // removed
        right.replace(u"line_180 = 180\n"_s, u"line_180 = 180\nnew_line = 1\n"_s); // added
        show(u"python"_s, code(), right);
        m_widget->expandAllAction()->trigger();
        auto *ruler = m_widget->sideBySideView()->overviewRuler();
        QVERIFY(ruler->isVisible());
        QCOMPARE(ruler->objectName(), u"overviewRuler"_s);
        const DiffDisplayModel &model = m_widget->sideBySideView()->model();
        QCOMPARE(ruler->rowCount(), model.rowCount());
        const QList<DiffOverviewRuler::Mark> marks = ruler->marks();
        QCOMPARE(marks.size(), 3);
        QCOMPARE(marks.at(0).kind, DiffOverviewRuler::Kind::Removed);
        QCOMPARE(marks.at(0).first, model.rowForLeftLine(30));
        QCOMPARE(marks.at(1).kind, DiffOverviewRuler::Kind::Changed);
        QCOMPARE(marks.at(2).kind, DiffOverviewRuler::Kind::Added);

        // A click on the changed line's mark brings it on screen and makes it current.
        DiffPane *rightPane = pane("rightPane");
        rightPane->setFirstVisibleRow(0);
        const int target = marks.at(1).first;
        QVERIFY(target >= rightPane->visibleRowCount()); // off screen before the click
        const int y = (ruler->yForRow(target) + ruler->yForRow(target + 1)) / 2;
        QCOMPARE(ruler->rowAt(y), target);
        QTest::mouseClick(ruler, Qt::LeftButton, {}, QPoint(ruler->width() / 2, y));
        QCOMPARE(rightPane->currentRow(), target);
        QVERIFY(rightPane->firstVisibleRow() <= target);
        QVERIFY(target < rightPane->firstVisibleRow() + rightPane->visibleRowCount());
        QCOMPARE(pane("leftPane")->firstVisibleRow(), rightPane->firstVisibleRow());

        // The editable view has its own, in the editor's lines.
        m_widget->setEditable(true);
        auto *editorRuler = m_widget->editableView()->overviewRuler();
        QTRY_COMPARE(editorRuler->marks().size(), 3);
        QCOMPARE(editorRuler->rowCount(), m_widget->editableView()->editor()->blockCount());
        const int line = editorRuler->marks().at(2).first;
        QTest::mouseClick(editorRuler, Qt::LeftButton, {},
            QPoint(2, (editorRuler->yForRow(line) + editorRuler->yForRow(line + 1)) / 2));
        QCOMPARE(m_widget->editableView()->editor()->textCursor().blockNumber(), line);
    }

    void hunkCopyRevertsOneEditAndKeepsTheOthers()
    {
        const QString draft = code();
        QStringList lines = linesOf(draft);
        lines[10] = u"line_10 = 'edited'"_s; // block 0: changed
        lines.removeAt(40); // block 1: removed (draft line 40)
        lines.insert(100, u"inserted = True"_s); // block 2: added (edited line 100)
        lines[150] = u"line_151 = 'edited too'"_s; // block 3
        const QString edited = lines.join(u'\n') + u'\n';
        show(u"python"_s, draft, draft);
        edit(edited);
        EditableDiffView *view = m_widget->editableView();
        DiffEditor *editor = view->editor();
        QCOMPARE(view->changeCount(), 4);
        QCOMPARE(editor->revertMarkers(), (QList<int>{10, 40, 100, 150}));
        QVERIFY(m_widget->revertChangeAction()->isEnabled());

        // The key, at the cursor: line 10 becomes the draft's again, an ordinary edit.
        QSignalSpy editedSpy(m_widget.get(), &DiffWidget::editedTextChanged);
        editor->setFocus();
        editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(10)));
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(editedSpy.count(), 1);
        QStringList expected = linesOf(edited);
        expected[10] = u"line_10 = 10"_s;
        QCOMPARE(linesOf(m_widget->editedText()), expected);
        // The other blocks moved not at all (same line count): their marks stay.
        QCOMPARE(editor->revertMarkers(), (QList<int>{40, 100, 150}));

        // Not while the diff is being brought up to date.
        QVERIFY(m_widget->isComputing());
        QVERIFY(!m_widget->revertChange(0));
        QTRY_VERIFY(!m_widget->isComputing());
        QCOMPARE(view->changeCount(), 3);

        // The gutter mark of the removed line: it comes back, the later edits stay.
        const QRect mark = editor->revertMarkerRect(40);
        editor->setFirstVisibleLine(35);
        QTRY_VERIFY(editor->revertMarkerRect(40).top() < editor->viewport()->height());
        QVERIFY(mark.isValid());
        QTest::mouseClick(editor->lineNumberArea(), Qt::LeftButton, {}, editor->revertMarkerRect(40).center());
        expected.insert(40, u"line_40 = 40"_s);
        QCOMPARE(linesOf(m_widget->editedText()), expected);
        // Below it everything moved down a line.
        QCOMPARE(editor->revertMarkers(), (QList<int>{101, 151}));
        QTRY_VERIFY(!m_widget->isComputing());

        // The added line goes (through the public call, as the context menu does).
        QCOMPARE(view->changeAtLine(101), 0);
        QVERIFY(m_widget->revertChange(view->changeAtLine(101)));
        expected.removeAt(101);
        QCOMPARE(linesOf(m_widget->editedText()), expected);
        QTRY_VERIFY(!m_widget->isComputing());

        // One undo takes a whole hunk copy back.
        editor->undo();
        QCOMPARE(linesOf(editor->toPlainText()).at(101), u"inserted = True"_s);
        editor->redo();
        QTRY_VERIFY(!m_widget->isComputing());

        // The last one: now the reviewer's version is the draft.
        QVERIFY(m_widget->revertChange(0));
        QCOMPARE(m_widget->editedText(), draft);
        QTRY_VERIFY(!m_widget->isComputing());
        QCOMPARE(view->changeCount(), 0);
        QVERIFY(editor->revertMarkers().isEmpty());
    }

    void hunkCopyAtTheEndsOfTheText()
    {
        const QString draft = u"a\nb\nc"_s; // no final line break
        show(u"text"_s, draft, draft);
        edit(u"a\nb"_s); // the last line deleted
        QCOMPARE(m_widget->editableView()->changeCount(), 1);
        QVERIFY(m_widget->revertChange(0));
        QCOMPARE(m_widget->editedText(), draft);
        QTRY_VERIFY(!m_widget->isComputing());
        edit(u"x\na\nb\nc"_s); // a line added at the top
        QVERIFY(m_widget->revertChange(0));
        QCOMPARE(m_widget->editedText(), draft);
        QTRY_VERIFY(!m_widget->isComputing());
        // Windows line endings survive.
        const QString crlf = u"one\r\ntwo\r\nthree\r\n"_s;
        show(u"text"_s, crlf, crlf);
        edit(u"one\r\nTWO\r\nthree\r\n"_s);
        QVERIFY(m_widget->revertChange(0));
        QCOMPARE(m_widget->editedText(), crlf);
    }

    void hunkCopyFromTheContextMenu()
    {
        const QString draft = code();
        QString edited = draft;
        edited.replace(u"line_60 = 60\n"_s, u"line_60 = 'sixty'\n"_s);
        edited.replace(u"line_90 = 90\n"_s, u"line_90 = 'ninety'\n"_s);
        show(u"python"_s, draft, draft);
        edit(edited);
        DiffEditor *editor = m_widget->editableView()->editor();
        editor->setFirstVisibleLine(55);
        const QTextBlock block = editor->document()->findBlockByNumber(60);
        const QPoint at = editor->cursorRect(QTextCursor(block)).center() + QPoint(20, 0);
        // The menu is modal: act on it once it is up.
        QStringList entries;
        QTimer::singleShot(0, this, [&entries] {
            QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            for (QAction *action : menu->actions())
                entries << action->objectName();
            const QList<QAction *> actions = menu->actions();
            const auto revert = std::find_if(actions.cbegin(), actions.cend(), [](QAction *action) {
                return action->objectName() == u"revertChangeAction"_s;
            });
            QVERIFY(revert != actions.cend());
            menu->setActiveAction(*revert);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, editor->viewport()->mapToGlobal(at));
        QApplication::sendEvent(editor->viewport(), &event);
        QVERIFY2(entries.contains(u"revertChangeAction"_s), qPrintable(entries.join(u',')));
        QCOMPARE(editor->textCursor().blockNumber(), 60); // the right click moved the cursor there
        QString expected = edited;
        expected.replace(u"line_60 = 'sixty'\n"_s, u"line_60 = 60\n"_s);
        QCOMPARE(m_widget->editedText(), expected);
    }

    void hunkCopyIsOnlyForEditing()
    {
        show(u"python"_s, code(), code().replace(u"line_5 = 5"_s, u"line_5 = 6"_s));
        QVERIFY(!m_widget->revertChangeAction()->isEnabled());
        QVERIFY(!m_widget->revertChange(0));
        QCOMPARE(m_widget->revertChangeAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
        QCOMPARE(m_widget->wordWrapAction()->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Z));
    }
};

QTEST_MAIN(TestDiffComfort)
#include "tst_diffcomfort.moc"
