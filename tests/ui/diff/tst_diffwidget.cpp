#include "diff/diffdocument.h"
#include "diff/diffeditor.h"
#include "diff/diffpane.h"
#include "diff/diffwidget.h"
#include "diff/editablediffview.h"
#include "diff/sidebysidediffview.h"
#include "diff/unifieddiffview.h"
#include "i18n/translations.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace Countersign;
using namespace Qt::StringLiterals;
using Kind = DiffDisplayModel::Row::Kind;

namespace {

// 300 lines of Python; the right side changes line 20, drops line 100, adds one after 200
// and changes line 280. Line 250 holds a token found nowhere else, inside a folded run.
QString leftText()
{
    QString text;
    for (int i = 0; i < 300; ++i) {
        if (i == 250)
            text += u"marker = 'unique_token_250'\n"_s;
        else if (i == 60)
            text += u"long_line = \""_s + QString(400, QLatin1Char('x')) + u"\"\n"_s;
        else
            text += u"value_%1 = compute(%1)  # step %1\n"_s.arg(i);
    }
    return text;
}

QString rightText()
{
    QStringList lines = leftText().split(QLatin1Char('\n'));
    lines[280] = u"value_280 = compute(280) * 2  # step 280"_s;
    lines.insert(201, u"extra = value_200 + 1"_s);
    lines.removeAt(100);
    lines[20] = u"value_20 = recompute(20)  # step 20"_s;
    return lines.join(QLatin1Char('\n'));
}

QStringList textLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestDiffWidget : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DiffWidget> m_widget;

    DiffWidget *widget() { return m_widget.get(); }
    SideBySideDiffView *sideBySide() { return m_widget->sideBySideView(); }
    DiffPane *pane(const char *name) { return m_widget->findChild<DiffPane *>(QLatin1String(name)); }

private Q_SLOTS:
    // English plurals come from the English catalogue, as in the app.
    void initTestCase() { Translations::install(*qApp, QLocale(QStringLiteral("en"))); }

    void init()
    {
        m_widget = std::make_unique<DiffWidget>();
        m_widget->resize(1000, 500);
        m_widget->setViewFont(QFont(u"DejaVu Sans Mono"_s, 10));
        m_widget->setLanguage(u"python"_s);
        QSignalSpy updated(m_widget.get(), &DiffWidget::diffUpdated);
        m_widget->setTexts(leftText(), rightText());
        QVERIFY(m_widget->isComputing());
        QVERIFY(updated.wait(10000));
        QCOMPARE(updated.count(), 1);
        QVERIFY(!m_widget->isComputing());
        m_widget->show();
        m_widget->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_widget.get()));
    }

    void cleanup() { m_widget.reset(); }

    void everyInteractiveWidgetHasAName()
    {
        const char *names[] = {"diffToolBar", "sideBySideButton", "unifiedButton", "previousChangeButton",
            "nextChangeButton", "expandAllButton", "ignoreWhitespaceButton", "themeCombo", "diffSummary", "diffViews",
            "sideBySideView", "unifiedView", "editableView", "leftPane", "rightPane", "unifiedPane", "originalPane",
            "diffEditor", "findBar", "findField", "findNextButton", "findPreviousButton", "findCloseButton"};
        for (const char *name : names)
            QVERIFY2(widget()->findChild<QWidget *>(QLatin1String(name)), name);
        const char *actions[] = {"nextChangeAction", "previousChangeAction", "sideBySideAction", "unifiedAction",
            "expandAllAction", "ignoreWhitespaceAction", "findAction", "copyAction"};
        for (const char *name : actions)
            QVERIFY2(widget()->findChild<QAction *>(QLatin1String(name)), name);
        QCOMPARE(widget()->nextChangeAction()->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Down));
        QCOMPARE(widget()->previousChangeAction()->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Up));
        QCOMPARE(pane("leftPane")->focusPolicy(), Qt::StrongFocus);
    }

    void highlightsTheRestWhenIdle()
    {
        const DiffDocument *document = widget()->document();
        const int lines = document->highlighter(DiffSide::Right).lineCount();
        QVERIFY(lines > 250);
        QTRY_COMPARE(document->highlighter(DiffSide::Right).highlightedLineCount(), lines);
        QTRY_COMPARE(document->highlighter(DiffSide::Left).highlightedLineCount(),
            document->highlighter(DiffSide::Left).lineCount());
    }

    void summary()
    {
        const FileDiff diff = widget()->diff();
        QCOMPARE(diff.addedCount(), 3);
        QCOMPARE(diff.removedCount(), 3);
        auto *label = widget()->findChild<QLabel *>(u"diffSummary"_s);
        QCOMPARE(label->text(), u"3 added, 3 removed"_s);
        QVERIFY2(
            label->toolTip().contains(u"3 lines added and 3 removed, in 4 places"_s), qPrintable(label->toolTip()));
        QCOMPARE(label->accessibleName(), label->text());
    }

    void switchesModes()
    {
        auto *stack = widget()->findChild<QStackedWidget *>(u"diffViews"_s);
        QSignalSpy modeChanged(widget(), &DiffWidget::modeChanged);
        QCOMPARE(stack->currentWidget(), sideBySide());
        QTest::mouseClick(widget()->findChild<QToolButton *>(u"unifiedButton"_s), Qt::LeftButton);
        QCOMPARE(widget()->mode(), DiffWidget::Mode::Unified);
        QCOMPARE(stack->currentWidget(), widget()->unifiedView());
        QCOMPARE(modeChanged.count(), 1);
        QVERIFY(widget()->unifiedAction()->isChecked());
        QVERIFY(widget()->unifiedView()->model().rowCount() > 0);
        QTest::mouseClick(widget()->findChild<QToolButton *>(u"sideBySideButton"_s), Qt::LeftButton);
        QCOMPARE(widget()->mode(), DiffWidget::Mode::SideBySide);
        QCOMPARE(stack->currentWidget(), sideBySide());
        QCOMPARE(modeChanged.count(), 2);
        widget()->setProperty("mode", QVariant::fromValue(DiffWidget::Mode::Unified));
        QCOMPARE(stack->currentWidget(), widget()->unifiedView());
    }

    void nextAndPreviousChangeOnTheKeyboard()
    {
        DiffPane *right = pane("rightPane");
        right->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), right);
        const QList<int> starts = sideBySide()->model().changeStarts();
        QCOMPARE(starts.size(), 4);
        QCOMPARE(sideBySide()->currentRow(), 0);

        for (int i = 0; i < starts.size(); ++i) {
            QTest::keyClick(right, Qt::Key_Down, Qt::AltModifier);
            QCOMPARE(sideBySide()->currentRow(), starts.at(i));
            QCOMPARE(pane("leftPane")->currentRow(), starts.at(i)); // both sides follow
            QVERIFY(starts.at(i) >= right->firstVisibleRow());
            QVERIFY(starts.at(i) < right->firstVisibleRow() + right->visibleRowCount());
            QCOMPARE(widget()->currentPresenter()->currentChange(), i + 1);
        }
        // Past the last change nothing moves.
        QVERIFY(!widget()->goToNextChange());
        QCOMPARE(sideBySide()->currentRow(), starts.last());
        QTest::keyClick(right, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(sideBySide()->currentRow(), starts.at(2));
        // The right row is on the right line.
        const DiffDisplayModel::Row row = sideBySide()->model().row(starts.at(2));
        QCOMPARE(widget()->diff().rightLines().at(row.rightLine), u"extra = value_200 + 1"_s);

        // The same in the unified view.
        widget()->setMode(DiffWidget::Mode::Unified);
        DiffPane *unified = pane("unifiedPane");
        unified->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), unified);
        unified->setCurrentRow(0);
        QTest::keyClick(unified, Qt::Key_Down, Qt::AltModifier);
        const int first = widget()->unifiedView()->model().changeStarts().first();
        QCOMPARE(unified->currentRow(), first);
        QCOMPARE(widget()->unifiedView()->model().row(first).kind, Kind::Removed);
        QCOMPARE(widget()->unifiedView()->model().row(first).leftLine, 20);
    }

    void switchingKeepsThePosition()
    {
        widget()->goToNextChange();
        widget()->goToNextChange();
        widget()->goToNextChange(); // the added line
        const int rightLine = sideBySide()->model().row(sideBySide()->currentRow()).rightLine;
        QVERIFY(rightLine > 0);
        widget()->setMode(DiffWidget::Mode::Unified);
        const UnifiedDiffView *unified = widget()->unifiedView();
        QCOMPARE(unified->model().row(unified->currentRow()).rightLine, rightLine);
        widget()->setMode(DiffWidget::Mode::SideBySide);
        QCOMPARE(sideBySide()->model().row(sideBySide()->currentRow()).rightLine, rightLine);
    }

    void foldsExpandOnClickAndKey()
    {
        const DiffDisplayModel &model = sideBySide()->model();
        DiffPane *left = pane("leftPane");
        int fold = -1;
        for (int i = 0; i < model.rowCount() && fold < 0; ++i) {
            if (model.row(i).kind == Kind::Fold)
                fold = i;
        }
        QVERIFY(fold >= 0);
        const int rows = model.rowCount();
        const int hidden = model.row(fold).hidden;
        left->setFirstVisibleRow(fold);
        QTest::mouseClick(left->viewport(), Qt::LeftButton, {}, left->rowRect(fold).center());
        QCOMPARE(model.rowCount(), rows + hidden - 1);
        QVERIFY(model.row(fold).kind != Kind::Fold);
        QCOMPARE(pane("rightPane")->verticalScrollBar()->maximum(), left->verticalScrollBar()->maximum());

        int next = -1;
        for (int i = fold; i < model.rowCount() && next < 0; ++i) {
            if (model.row(i).kind == Kind::Fold)
                next = i;
        }
        QVERIFY(next > fold);
        DiffPane *right = pane("rightPane");
        right->setFocus();
        right->setCurrentRow(next);
        const int before = model.rowCount();
        const int nextHidden = model.row(next).hidden;
        QTest::keyClick(right, Qt::Key_Return);
        QCOMPARE(model.rowCount(), before + nextHidden - 1);
        QVERIFY(model.row(next).kind != Kind::Fold);

        widget()->expandAllAction()->trigger();
        QVERIFY(!model.hasFolds());
        QCOMPARE(model.rowCount(), 301);
    }

    void scrollsTogether()
    {
        widget()->expandAllAction()->trigger();
        DiffPane *left = pane("leftPane");
        DiffPane *right = pane("rightPane");
        QCOMPARE(left->verticalScrollBar()->maximum(), right->verticalScrollBar()->maximum());
        QVERIFY(right->verticalScrollBar()->maximum() > 100);
        right->verticalScrollBar()->setValue(40);
        QCOMPARE(left->verticalScrollBar()->value(), 40);
        QCOMPARE(left->firstVisibleRow(), 40);
        left->horizontalScrollBar()->setValue(120);
        QCOMPARE(right->horizontalScrollBar()->value(), 120);

        // The wheel over the left side (which has no scroll bar of its own) scrolls both.
        const QPoint at = left->viewport()->rect().center();
        QWheelEvent wheel(at, left->viewport()->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(left->viewport(), &wheel);
        QVERIFY(right->verticalScrollBar()->value() > 40);
        QCOMPARE(left->verticalScrollBar()->value(), right->verticalScrollBar()->value());
    }

    void editingScrollsSidewaysTogether()
    {
        const QString wide = QString(400, u'x') + u'\n';
        m_widget->resize(600, 300);
        m_widget->show();
        m_widget->setTexts(wide + QStringLiteral("a\n"), wide + QStringLiteral("b\n"));
        QTRY_VERIFY(!m_widget->isComputing());
        m_widget->setEditable(true);
        EditableDiffView *view = m_widget->editableView();
        QScrollBar *editor = view->editor()->horizontalScrollBar();
        QScrollBar *left = view->leftPane()->horizontalScrollBar();
        QTRY_VERIFY(editor->maximum() > 100 && left->maximum() > 100);
        editor->setValue(100);
        QCOMPARE(left->value(), 100);
        left->setValue(40);
        QCOMPARE(editor->value(), 40);
    }

    void copiesTheSelectedSide()
    {
        widget()->expandAllAction()->trigger();
        DiffPane *left = pane("leftPane");
        DiffPane *right = pane("rightPane");
        right->setFocus();
        right->selectRows(19, 21);
        QCOMPARE(left->selectionStart(), 19);
        QCOMPARE(left->selectionEnd(), 21);
        QTest::keyClick(right, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(),
            u"value_19 = compute(19)  # step 19\nvalue_20 = recompute(20)  # step 20\nvalue_21 = compute(21)  # step 21\n"_s);
        left->setFocus();
        widget()->copyAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
            u"value_19 = compute(19)  # step 19\nvalue_20 = compute(20)  # step 20\nvalue_21 = compute(21)  # step 21\n"_s);

        // The unified view copies what it shows, as a patch does.
        widget()->setMode(DiffWidget::Mode::Unified);
        DiffPane *unified = pane("unifiedPane");
        const DiffDisplayModel &model = widget()->unifiedView()->model();
        const int removed = model.changeStarts().first();
        unified->selectRows(removed, removed + 1);
        QCOMPARE(
            unified->selectedText(), u"-value_20 = compute(20)  # step 20\n+value_20 = recompute(20)  # step 20\n"_s);
    }

    void findsAcrossFolds()
    {
        QVERIFY(sideBySide()->model().hasFolds());
        QTest::keyClick(pane("rightPane"), Qt::Key_F, Qt::ControlModifier);
        auto *field = widget()->findChild<QLineEdit *>(u"findField"_s);
        QVERIFY(widget()->findChild<QWidget *>(u"findBar"_s)->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, u"unique_token"_s);
        const DiffDisplayModel &model = sideBySide()->model();
        const DiffDisplayModel::Row row = model.row(sideBySide()->currentRow());
        QCOMPARE(row.kind, Kind::Context);
        QVERIFY(widget()->diff().leftLines().at(row.leftLine).contains(u"unique_token_250"_s));
        QTest::keyClick(field, Qt::Key_Escape);
        QVERIFY(!widget()->findChild<QWidget *>(u"findBar"_s)->isVisible());
    }

    void editableModeRecomputesAfterTyping()
    {
        QSignalSpy editableChanged(widget(), &DiffWidget::editableChanged);
        widget()->setEditable(true);
        QCOMPARE(editableChanged.count(), 1);
        auto *editor = widget()->findChild<DiffEditor *>(u"diffEditor"_s);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->toPlainText(), rightText());
        QCOMPARE(widget()->editedText(), rightText());
        QCOMPARE(editor->markAt(20), DiffEditor::Mark::Changed);
        QCOMPARE(editor->markAt(10), DiffEditor::Mark::None);

        editor->setFocus();
        QTextCursor cursor(editor->document()->findBlockByNumber(10));
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        QSignalSpy edited(widget(), &DiffWidget::editedTextChanged);
        QSignalSpy updated(widget(), &DiffWidget::diffUpdated);
        QTest::keyClicks(editor, u" + 1"_s);
        QCOMPARE(edited.count(), 4);
        QVERIFY(widget()->isComputing());
        // Marked at once, before the diff arrives.
        QCOMPARE(editor->markAt(10), DiffEditor::Mark::Changed);
        QTRY_VERIFY_WITH_TIMEOUT(!widget()->isComputing(), 10000);
        QCOMPARE(updated.count(), 1); // one diff for the burst of keystrokes
        QCOMPARE(widget()->diff().rightLines().at(10), u"value_10 = compute(10)  # step 10 + 1"_s);
        QCOMPARE(widget()->diff().addedCount(), 4);
        QCOMPARE(widget()->editedText(), editor->toPlainText());
        QCOMPARE(editor->markAt(10), DiffEditor::Mark::Changed);
        QCOMPARE(widget()->findChild<QLabel *>(u"diffSummary"_s)->text(), u"4 added, 4 removed"_s);

        // A new line is tinted at once, and the original pane follows the editor's scrolling.
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->markAt(11), DiffEditor::Mark::Added);
        QTRY_VERIFY_WITH_TIMEOUT(!widget()->isComputing(), 10000);
        QCOMPARE(widget()->diff().rightLines().size(), textLines(editor->toPlainText()).size());
        editor->setFirstVisibleLine(150);
        DiffPane *original = pane("originalPane");
        QCOMPARE(widget()->editableView()->model().row(original->firstVisibleRow()).rightLine, 150);

        // Navigation works in the editor too.
        editor->setTextCursor(QTextCursor(editor->document()));
        QTest::keyClick(editor, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(editor->textCursor().blockNumber(), 10);

        // Leaving the editable mode keeps the reviewer's version.
        const QString edited2 = editor->toPlainText();
        widget()->setEditable(false);
        QCOMPARE(widget()->editedText(), edited2);
        QTRY_VERIFY_WITH_TIMEOUT(!widget()->isComputing(), 10000);
        QCOMPARE(widget()->diff().rightLines(), textLines(edited2));
    }

    void untouchedTextStaysExactlyTheSame()
    {
        // Windows line endings and non-breaking spaces (common in e-mail) survive the editor.
        const QString draft = u"Dear\u00a0customer,\r\nyour refund\u2028is on its way.\r\n\r\nRegards\r\n"_s;
        QSignalSpy updated(widget(), &DiffWidget::diffUpdated);
        widget()->setTexts(draft, draft);
        QVERIFY(updated.wait(10000));
        widget()->setEditable(true);
        QCOMPARE(widget()->editedText(), draft);
        QVERIFY(widget()->diff().isIdentical());
        auto *editor = widget()->findChild<DiffEditor *>(u"diffEditor"_s);
        QTextCursor cursor(editor->document()->findBlockByNumber(3));
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        QTest::keyClicks(editor, u","_s);
        QCOMPARE(
            widget()->editedText(), u"Dear\u00a0customer,\r\nyour refund\u2028is on its way.\r\n\r\nRegards,\r\n"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!widget()->isComputing(), 10000);
        QCOMPARE(widget()->diff().addedCount(), 1);
        QCOMPARE(widget()->diff().removedCount(), 1);
    }

    void staleResultsAreDropped()
    {
        QSignalSpy updated(widget(), &DiffWidget::diffUpdated);
        widget()->setTexts(u"a\n"_s, u"b\n"_s);
        widget()->setTexts(leftText(), leftText() + u"tail\n"_s);
        QVERIFY(updated.wait(10000));
        QTest::qWait(50); // the stale result, were it delivered, would have arrived by now
        QCOMPARE(updated.count(), 1);
        QCOMPARE(widget()->diff().addedCount(), 1);
        QCOMPARE(widget()->diff().removedCount(), 0);
    }

    void ignoresWhitespaceOnRequest()
    {
        QSignalSpy updated(widget(), &DiffWidget::diffUpdated);
        widget()->setTexts(u"a = 1\nb = 2\n"_s, u"a  =  1\nb = 3\n"_s);
        QVERIFY(updated.wait(10000));
        QCOMPARE(widget()->diff().removedCount(), 2);
        widget()->ignoreWhitespaceAction()->trigger();
        QVERIFY(updated.wait(10000));
        QCOMPARE(widget()->diff().removedCount(), 1);
    }

    void themes()
    {
        auto *combo = widget()->findChild<QComboBox *>(u"themeCombo"_s);
        widget()->setThemeName(u"Breeze Dark"_s);
        QCOMPARE(widget()->theme().name(), u"Breeze Dark"_s);
        QCOMPARE(combo->currentData().toString(), u"Breeze Dark"_s);
        QVERIFY(widget()->document()->colors().dark);

        // Automatic: follows the palette.
        widget()->setThemeName(QString());
        QPalette dark = widget()->palette();
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        widget()->setPalette(dark);
        QVERIFY(widget()->document()->colors().dark);
        widget()->setPalette(QPalette(Qt::white));
        QVERIFY(!widget()->document()->colors().dark);

        // Picked from the combo box.
        const int index = combo->findData(u"Breeze Dark"_s);
        QVERIFY(index > 0);
        combo->activated(index);
        QCOMPARE(widget()->themeName(), u"Breeze Dark"_s);
    }

    void syntaxFromLanguageOrFileName()
    {
        QCOMPARE(widget()->definition().name(), u"Python"_s);
        widget()->setLanguage(QString());
        QVERIFY(!widget()->definition().isValid());
        widget()->setFileNames(u"before.sql"_s, u"after.sql"_s);
        QCOMPARE(widget()->definition().name(), u"SQL"_s);
        QCOMPARE(widget()->diff().rightName(), u"after.sql"_s);
        QCOMPARE(widget()->findChild<QLabel *>(u"rightTitle"_s)->text(), u"after.sql"_s);
        widget()->setLanguage(u"shell"_s);
        QCOMPARE(widget()->definition().name(), u"Bash"_s);
    }

    void survivesAMalformedDiff()
    {
        // Hunks that point past the texts, overlap and disagree with the counts: shown as far as
        // they make sense, never a crash.
        FileDiff diff;
        diff.setLeftLines({u"one"_s, u"two"_s, u"three"_s});
        diff.setRightLines({u"one"_s, u"2"_s});
        DiffHunk hunk;
        hunk.leftStart = 1;
        hunk.leftCount = 5;
        hunk.rightStart = 1;
        hunk.rightCount = 9;
        hunk.rows = {DiffRow{1, 1, DiffRowKind::Changed, {DiffSpan{0, 50}}, {DiffSpan{-3, 2}}},
            DiffRow{7, -1, DiffRowKind::Removed, {}, {}}, DiffRow{-1, 40, DiffRowKind::Added, {}, {}},
            DiffRow{0, 0, DiffRowKind::Context, {}, {}}};
        DiffHunk before;
        before.leftStart = 0;
        before.leftCount = 2;
        diff.setHunks({hunk, before});
        widget()->setDiff(diff);
        for (const DiffWidget::Mode mode : {DiffWidget::Mode::SideBySide, DiffWidget::Mode::Unified}) {
            widget()->setMode(mode);
            QVERIFY(!widget()->grab().isNull());
            widget()->currentPresenter()->expandAll();
            while (widget()->goToNextChange()) { }
            QVERIFY(!widget()->grab().isNull());
            QVERIFY(!widget()->currentPresenter()->find(u"nothing like this"_s, false));
        }
        pane("rightPane")->selectRows(0, 100);
        QVERIFY(!pane("rightPane")->selectedText().isEmpty());
        widget()->setEditable(true);
        QVERIFY(!widget()->grab().isNull());
    }

    void showsAPatch()
    {
        DiffOptions options;
        options.contextLines = 3;
        const Result<QList<FileDiff>> patch
            = UnifiedDiff::parse(UnifiedDiff::write(Differ::diff(leftText(), rightText(), options)));
        QVERIFY(patch.has_value());
        widget()->setDiff(patch->first());
        const DiffDisplayModel &model = sideBySide()->model();
        QCOMPARE(model.row(0).kind, Kind::Fold);
        QCOMPARE(model.row(0).source, -1);
        const int rows = model.rowCount();
        DiffPane *left = pane("leftPane");
        left->setFirstVisibleRow(0);
        QTest::mouseClick(left->viewport(), Qt::LeftButton, {}, left->rowRect(0).center());
        QCOMPARE(model.rowCount(), rows); // nothing to unfold: the patch does not have those lines
        QVERIFY(!widget()->ignoreWhitespaceAction()->isEnabled());
        QCOMPARE(widget()->diff().addedCount(), 3);
        widget()->grab(); // paints
    }
};

QTEST_MAIN(TestDiffWidget)
#include "tst_diffwidget.moc"
