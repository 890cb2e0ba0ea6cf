#include "editablediffview.h"

#include "diffdocument.h"
#include "diffeditor.h"
#include "diffoverviewruler.h"
#include "diffpane.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>

namespace Countersign {

EditableDiffView::EditableDiffView(std::shared_ptr<DiffDocument> document, QWidget *parent)
    : QWidget(parent)
    , m_document(std::move(document))
    , m_model(DiffDisplayModel::Layout::LeftOnly)
    , m_left(new DiffPane(DiffPane::Column::Left, this))
    , m_editor(new DiffEditor(this))
    , m_ruler(new DiffOverviewRuler(this))
    , m_leftTitle(new QLabel(this))
    , m_rightTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("editableView"));
    m_left->setObjectName(QStringLiteral("originalPane"));
    m_left->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_left->setCompactRows(true); // row for line beside the editor
    m_left->setSources(m_document.get(), &m_model);
    m_leftTitle->setObjectName(QStringLiteral("originalTitle"));
    m_rightTitle->setObjectName(QStringLiteral("editorTitle"));
    for (QLabel *title : {m_leftTitle, m_rightTitle}) {
        title->setTextFormat(Qt::PlainText);
        title->setContentsMargins(4, 2, 4, 2);
    }

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("editableSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(3);
    splitter->addWidget(m_left);
    splitter->addWidget(m_editor);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_leftTitle, 0, 0);
    layout->addWidget(m_rightTitle, 0, 1);
    layout->addWidget(splitter, 1, 0, 1, 2);
    layout->addWidget(m_ruler, 1, 2);
    layout->setRowStretch(1, 1);
    setFocusProxy(m_editor);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_settingText)
            return;
        if (!m_reverting)
            m_changesStale = true;
        Q_EMIT textEdited();
    });
    connect(m_left, &DiffPane::wrapWidthChanged, this, &EditableDiffView::updateRowLines);
    // The editor wraps anew after a resize: the draft's rows follow once it has.
    m_editor->viewport()->installEventFilter(this);
    connect(m_editor, &DiffEditor::revertRequested, this, [this](int line) {
        revertChange(changeAtLine(line));
    });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        syncEditorToLeft();
        updateRulerRange();
    });
    connect(m_ruler, &DiffOverviewRuler::rowClicked, this, [this](int line) {
        m_editor->goToLine(line);
        m_editor->setFirstVisibleLine(
            line - m_editor->viewport()->height() / qMax(1, m_editor->fontMetrics().lineSpacing()) / 2);
    });
    connect(m_editor, &QPlainTextEdit::blockCountChanged, this, [this] {
        updateRuler();
    });
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        syncLeftToEditor();
    });
    // Sideways both sides move together, as in the read-only views: both count pixels of the
    // same font, so the same columns stay side by side.
    QScrollBar *editorBar = m_editor->horizontalScrollBar();
    QScrollBar *leftBar = m_left->horizontalScrollBar();
    for (auto [from, to] : {std::pair{editorBar, leftBar}, std::pair{leftBar, editorBar}}) {
        connect(from, &QScrollBar::valueChanged, this, [this, to](int value) {
            if (m_syncing)
                return;
            m_syncing = true; // the scroll areas must still see the value change: no signal blocker
            to->setValue(value);
            m_syncing = false;
        });
    }
}

EditableDiffView::~EditableDiffView() = default;

void EditableDiffView::setEditorText(const QString &text)
{
    // QTextDocument splits lines on "\r\n" too; give the ending back when the text had it.
    m_crlf = text.contains(QLatin1String("\r\n"));
    m_settingText = true;
    m_changesStale = true; // until the diff of this text arrives
    m_editor->setPlainText(text);
    m_editor->setMarks(FileDiff()); // until the diff of this text arrives
    m_settingText = false;
}

QString EditableDiffView::editorText() const
{
    // Not toPlainText(): it turns non-breaking spaces into spaces, which would change an
    // e-mail the reviewer did not touch.
    QString text = m_editor->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    if (m_crlf)
        text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    return text;
}

void EditableDiffView::documentChanged()
{
    const QString leftName = m_document->diff().leftName();
    const QString rightName = m_document->diff().rightName();
    m_leftTitle->setText(leftName.isEmpty() ? tr("Original") : leftName);
    m_rightTitle->setText(rightName.isEmpty() ? tr("Your version") : rightName);
    m_editor->setDefinition(m_document->definition());
    m_editor->setTheme(m_document->theme());
    m_editor->setViewFont(m_document->font());
    m_model.setDiff(m_document->diff());
    m_left->reload();
    m_changesStale = false;
    rebuildChanges();
    updateRowLines();
    // The diff may describe an older text than the editor holds (typing went on while it was
    // computed): its marks still beat none, and the next diff replaces them.
    m_editor->setMarks(m_document->diff());
    syncEditorToLeft();
}

void EditableDiffView::rebuildChanges()
{
    m_changes.clear();
    const FileDiff &diff = m_document->diff();
    bool inChange = false;
    for (const DiffHunk &hunk : diff.hunks()) {
        int left = hunk.leftStart;
        int right = hunk.rightStart;
        for (const DiffRow &row : hunk.rows) {
            const bool change = row.kind != DiffRowKind::Context;
            if (change && !inChange)
                m_changes.append(Change{left, right, 0, 0});
            inChange = change;
            if (change) {
                m_changes.last().leftCount += row.leftLine >= 0 ? 1 : 0;
                m_changes.last().rightCount += row.rightLine >= 0 ? 1 : 0;
            }
            if (row.leftLine >= 0)
                left = row.leftLine + 1;
            if (row.rightLine >= 0)
                right = row.rightLine + 1;
        }
        inChange = false;
    }
    QList<int> starts;
    starts.reserve(m_changes.size());
    for (const Change &change : std::as_const(m_changes))
        starts.append(change.rightLine);
    m_editor->setRevertMarkers(starts);
    updateRuler();
}

void EditableDiffView::updateRuler()
{
    m_ruler->setColors(m_document->colors());
    QList<DiffOverviewRuler::Mark> marks;
    marks.reserve(m_changes.size());
    for (const Change &change : std::as_const(m_changes)) {
        const DiffOverviewRuler::Kind kind = change.rightCount == 0 ? DiffOverviewRuler::Kind::Removed
            : change.leftCount == 0                                 ? DiffOverviewRuler::Kind::Added
                                                                    : DiffOverviewRuler::Kind::Changed;
        marks.append(DiffOverviewRuler::Mark{change.rightLine, qMax(1, change.rightCount), kind});
    }
    m_ruler->setMarks(marks, m_editor->blockCount());
    updateRulerRange();
}

void EditableDiffView::updateRulerRange()
{
    const int lineHeight = qMax(1, m_editor->fontMetrics().lineSpacing());
    m_ruler->setVisibleRange(m_editor->firstVisibleLine(), m_editor->viewport()->height() / lineHeight);
}

bool EditableDiffView::eventFilter(QObject *watched, QEvent *event)
{
    if (m_wrap && watched == m_editor->viewport() && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &EditableDiffView::updateRowLines, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void EditableDiffView::setWordWrap(bool wrap)
{
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    m_left->setWordWrap(wrap);
    m_editor->setWordWrap(wrap);
    updateRowLines();
    syncEditorToLeft();
}

void EditableDiffView::updateRowLines()
{
    if (!m_wrap) {
        m_left->setRowLines({});
        return;
    }
    QList<int> lines = m_left->wrappedLineCounts();
    const QTextDocument *document = m_editor->document();
    const qreal lineHeight = qMax(qreal(1), QFontMetricsF(m_editor->font()).lineSpacing());
    for (qsizetype row = 0; row < lines.size(); ++row) {
        const DiffDisplayModel::Row &r = m_model.row(int(row));
        if (r.rightLine < 0 || r.kind == DiffDisplayModel::Row::Kind::Fold)
            continue;
        const QTextBlock block = document->findBlockByNumber(r.rightLine);
        if (!block.isValid())
            continue;
        const int editorLines = qRound(document->documentLayout()->blockBoundingRect(block).height() / lineHeight);
        lines[row] = qMax(lines.at(row), editorLines);
    }
    m_left->setRowLines(lines);
}

int EditableDiffView::changeAtLine(int line) const
{
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        const Change &change = m_changes.at(i);
        if (line >= change.rightLine && line < change.rightLine + qMax(1, change.rightCount))
            return int(i);
    }
    return -1;
}

int EditableDiffView::changeAtCursor() const
{
    return changeAtLine(m_editor->textCursor().blockNumber());
}

bool EditableDiffView::revertChange(int index)
{
    if (index < 0 || index >= m_changes.size() || m_changesStale)
        return false;
    const Change change = m_changes.at(index);
    const QStringList &draft = m_document->lines(DiffSide::Left);
    if (change.leftLine + change.leftCount > draft.size())
        return false;
    QStringList lines;
    for (int i = change.leftLine; i < change.leftLine + change.leftCount; ++i) {
        QString line = draft.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1); // the editor holds "\n" only; editorText() restores "\r\n"
        lines.append(line);
    }
    QTextDocument *document = m_editor->document();
    QTextCursor cursor(document);
    cursor.beginEditBlock(); // one step to undo
    if (change.rightCount > 0) {
        const QTextBlock first = document->findBlockByNumber(change.rightLine);
        const QTextBlock last = document->findBlockByNumber(change.rightLine + change.rightCount - 1);
        if (!first.isValid() || !last.isValid()) {
            cursor.endEditBlock();
            return false;
        }
        int from = first.position();
        int to = last.position() + last.length() - 1;
        if (lines.isEmpty()) {
            // The lines go with one line break: the one after them, else the one before.
            if (last.next().isValid())
                to = last.next().position();
            else if (first.previous().isValid())
                from = first.previous().position() + first.previous().length() - 1;
        }
        cursor.setPosition(from);
        cursor.setPosition(to, QTextCursor::KeepAnchor);
        m_reverting = true;
        cursor.insertText(lines.join(QLatin1Char('\n')));
        m_reverting = false;
    } else {
        // The reviewer deleted these lines: they come back before the line that followed them.
        const QTextBlock at = document->findBlockByNumber(change.rightLine);
        m_reverting = true;
        if (at.isValid()) {
            cursor.setPosition(at.position());
            cursor.insertText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        } else {
            cursor.movePosition(QTextCursor::End);
            cursor.insertText(QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        }
        m_reverting = false;
    }
    m_reverting = true;
    cursor.endEditBlock();
    m_reverting = false;
    // Until the next diff arrives the block is gone, and the blocks below it moved.
    m_changes.removeAt(index);
    const int shift = change.leftCount - change.rightCount;
    QList<int> starts;
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        if (i >= index)
            m_changes[i].rightLine += shift;
        starts.append(m_changes.at(i).rightLine);
    }
    m_editor->setRevertMarkers(starts);
    updateRuler();
    return true;
}

void EditableDiffView::syncEditorToLeft()
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_left->setFirstVisibleRow(m_model.rowForRightLine(m_editor->firstVisibleLine()));
    m_syncing = false;
}

void EditableDiffView::syncLeftToEditor()
{
    if (m_syncing || m_model.rowCount() == 0)
        return;
    m_syncing = true;
    // The first row at or below the top that has a right line (removed lines have none).
    for (int row = m_left->firstVisibleRow(); row < m_model.rowCount(); ++row) {
        const int rightLine = m_model.row(row).rightLine;
        if (rightLine >= 0) {
            m_editor->setFirstVisibleLine(rightLine);
            break;
        }
    }
    m_syncing = false;
}

bool EditableDiffView::goToNextChange()
{
    const int line = m_editor->textCursor().blockNumber();
    for (const Change &change : std::as_const(m_changes)) {
        if (change.rightLine > line) {
            m_editor->goToLine(change.rightLine);
            return true;
        }
    }
    return false;
}

bool EditableDiffView::goToPreviousChange()
{
    const int line = m_editor->textCursor().blockNumber();
    for (auto it = m_changes.crbegin(); it != m_changes.crend(); ++it) {
        if (it->rightLine < line) {
            m_editor->goToLine(it->rightLine);
            return true;
        }
    }
    return false;
}

int EditableDiffView::currentChange() const
{
    const int line = m_editor->textCursor().blockNumber();
    int number = 0;
    for (const Change &change : m_changes) {
        if (change.rightLine > line)
            break;
        ++number;
    }
    return number;
}

int EditableDiffView::changeCount() const
{
    return int(m_changes.size());
}

DiffPresenter::Location EditableDiffView::currentLocation() const
{
    const int line = m_editor->textCursor().blockNumber();
    const int row = m_model.rowForRightLine(line);
    return Location{row >= 0 ? m_model.row(row).leftLine : -1, line, line - m_editor->firstVisibleLine()};
}

void EditableDiffView::setCurrentLocation(const Location &location)
{
    int line = location.rightLine;
    if (line < 0 && location.leftLine >= 0) {
        const int row = m_model.rowForLeftLine(location.leftLine);
        line = row >= 0 ? m_model.row(row).rightLine : -1;
    }
    if (line < 0)
        return;
    QTextCursor cursor(m_editor->document()->findBlockByNumber(qMin(line, m_editor->blockCount() - 1)));
    m_editor->setTextCursor(cursor);
    m_editor->setFirstVisibleLine(line - qMax(0, location.offset));
}

QString EditableDiffView::selectedText() const
{
    if (m_left->hasFocus())
        return m_left->selectedText();
    QString text = m_editor->textCursor().selectedText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

bool EditableDiffView::find(const QString &text, bool backward)
{
    m_left->setSearchText(text);
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_editor->find(text, flags))
        return true;
    // Wrap around.
    const QTextCursor saved = m_editor->textCursor();
    QTextCursor cursor(m_editor->document());
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_editor->setTextCursor(cursor);
    if (m_editor->find(text, flags))
        return true;
    m_editor->setTextCursor(saved);
    return false;
}

void EditableDiffView::focusView()
{
    m_editor->setFocus(Qt::OtherFocusReason);
}

} // namespace Countersign
