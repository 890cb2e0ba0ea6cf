#include "editablediffview.h"

#include "diffdocument.h"
#include "diffeditor.h"
#include "diffpane.h"

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
    layout->setRowStretch(1, 1);
    setFocusProxy(m_editor);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingText)
            Q_EMIT textEdited();
    });
    connect(m_editor->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        syncEditorToLeft();
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
    rebuildChanges();
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
                m_changes.append(Change{left, right});
            inChange = change;
            if (row.leftLine >= 0)
                left = row.leftLine + 1;
            if (row.rightLine >= 0)
                right = row.rightLine + 1;
        }
        inChange = false;
    }
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
