#include "diffeditor.h"

#include "diffdocument.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>
#include <memory>

namespace Countersign {

namespace {

// The line number column; it paints through its editor.
class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(DiffEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    { }
    QSize sizeHint() const override { return QSize(m_editor->lineNumberAreaWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_editor->lineNumberAreaPressed(event->position().toPoint());
    }

private:
    DiffEditor *m_editor;
};

constexpr int NumberPadding = 6;
// Between the separator and the text; the document's own margin is 0 so that lines start at
// the top like the rows of the pane beside the editor.
constexpr int TextGap = 4;

} // namespace

DiffEditor::DiffEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_lineNumbers(new LineNumberArea(this))
{
    setObjectName(QStringLiteral("diffEditor"));
    setAccessibleName(tr("Edited text"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFrameShape(QFrame::NoFrame);
    setTabChangesFocus(false);
    document()->setDocumentMargin(0);
    m_colors = DiffColors::fromTheme(KSyntaxHighlighting::Theme());
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] {
        updateMargins();
    });
    connect(this, &QPlainTextEdit::updateRequest, this, &DiffEditor::updateLineNumberArea);
    connect(document(), &QTextDocument::contentsChange, this, &DiffEditor::onContentsChange);
    updateMargins();
}

DiffEditor::~DiffEditor() = default;

void DiffEditor::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    if (definition == m_highlighter->definition())
        return;
    m_highlighter->setDefinition(definition);
    m_highlighter->rehighlight();
}

void DiffEditor::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    if (!theme.isValid() || (m_highlighter->theme().isValid() && theme.name() == m_highlighter->theme().name()))
        return;
    m_highlighter->setTheme(theme);
    m_colors = DiffColors::fromTheme(theme);
    QPalette p = palette();
    p.setColor(QPalette::Base, m_colors.background);
    p.setColor(QPalette::Text, m_colors.text);
    p.setColor(QPalette::Highlight, m_colors.selection);
    p.setColor(QPalette::HighlightedText, m_colors.text);
    setPalette(p);
    m_highlighter->rehighlight();
    viewport()->update();
    m_lineNumbers->update();
}

void DiffEditor::setViewFont(const QFont &font)
{
    if (font == this->font())
        return;
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * DiffDocument::TabWidth);
    updateMargins();
}

void DiffEditor::setMarks(const FileDiff &diff)
{
    const qsizetype lines = qMax<qsizetype>(document()->blockCount(), diff.rightLines().size());
    m_marks = QList<Mark>(lines, Mark::None);
    m_spans = QList<QList<DiffSpan>>(lines);
    for (const DiffHunk &hunk : diff.hunks()) {
        for (const DiffRow &row : hunk.rows) {
            if (row.rightLine < 0 || row.rightLine >= lines)
                continue;
            if (row.kind == DiffRowKind::Added) {
                m_marks[row.rightLine] = Mark::Added;
            } else if (row.kind == DiffRowKind::Changed) {
                m_marks[row.rightLine] = Mark::Changed;
                m_spans[row.rightLine] = row.rightSpans;
            }
        }
    }
    m_blockCount = document()->blockCount();
    viewport()->update();
    m_lineNumbers->update();
}

DiffEditor::Mark DiffEditor::markAt(int line) const
{
    return line >= 0 && line < m_marks.size() ? m_marks.at(line) : Mark::None;
}

void DiffEditor::onContentsChange(int position, int removed, int added)
{
    Q_UNUSED(removed);
    Q_UNUSED(added);
    // Until the next diff arrives, keep the tints on the lines they belong to.
    const int block = document()->findBlock(position).blockNumber();
    const int delta = document()->blockCount() - m_blockCount;
    m_blockCount = document()->blockCount();
    if (block < 0)
        return;
    if (delta > 0) {
        const qsizetype at = qMin<qsizetype>(block + 1, m_marks.size());
        m_marks.insert(at, delta, Mark::Added);
        m_spans.insert(at, delta, QList<DiffSpan>());
    } else if (delta < 0) {
        const qsizetype at = qMin<qsizetype>(block + 1, m_marks.size());
        const qsizetype count = qMin<qsizetype>(-delta, m_marks.size() - at);
        m_marks.remove(at, count);
        m_spans.remove(at, count);
    }
    if (block < m_marks.size()) {
        if (m_marks.at(block) == Mark::None)
            m_marks[block] = Mark::Changed;
        m_spans[block].clear();
    }
}

int DiffEditor::firstVisibleLine() const
{
    return firstVisibleBlock().blockNumber();
}

void DiffEditor::setFirstVisibleLine(int line)
{
    // The vertical scroll bar counts visual lines (one per block without wrapping).
    const QTextBlock block = document()->findBlockByNumber(qBound(0, line, qMax(0, document()->blockCount() - 1)));
    verticalScrollBar()->setValue(line < 0 ? 0 : block.firstLineNumber());
}

void DiffEditor::setWordWrap(bool wrap)
{
    if (wrap == wordWrap())
        return;
    setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
}

void DiffEditor::setRevertMarkers(const QList<int> &lines)
{
    m_revertMarkers = lines;
    std::sort(m_revertMarkers.begin(), m_revertMarkers.end());
    m_lineNumbers->update();
}

QRect DiffEditor::revertMarkerRect(int line) const
{
    if (!std::binary_search(m_revertMarkers.cbegin(), m_revertMarkers.cend(), line))
        return {};
    const QTextBlock block = document()->findBlockByNumber(line);
    QRectF bounds;
    if (block.isValid()) {
        bounds = blockBoundingGeometry(block).translated(contentOffset());
    } else {
        // A deletion at the very end: the mark sits below the last line.
        const QTextBlock last = document()->lastBlock();
        const QRectF lastBounds = blockBoundingGeometry(last).translated(contentOffset());
        bounds = QRectF(0, lastBounds.bottom(), 0, fontMetrics().lineSpacing());
    }
    const int height = fontMetrics().lineSpacing();
    return QRect(0, int(bounds.top()), revertMarkerWidth(), height);
}

void DiffEditor::lineNumberAreaPressed(const QPoint &position)
{
    for (int line : std::as_const(m_revertMarkers)) {
        if (revertMarkerRect(line).contains(position)) {
            Q_EMIT revertRequested(line);
            return;
        }
    }
}

void DiffEditor::contextMenuEvent(QContextMenuEvent *event)
{
    if (!textCursor().hasSelection())
        setTextCursor(cursorForPosition(event->pos()));
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    if (!m_contextActions.isEmpty()) {
        QAction *first = menu->actions().value(0);
        menu->insertActions(first, m_contextActions);
        menu->insertSeparator(first);
    }
    menu->exec(event->globalPos());
}

void DiffEditor::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(0, line, document()->blockCount() - 1));
    QTextCursor cursor(block);
    setTextCursor(cursor);
    const int first = firstVisibleLine();
    const int visible = qMax(1, viewport()->height() / qMax(1, fontMetrics().lineSpacing()));
    if (block.blockNumber() < first || block.blockNumber() >= first + visible)
        setFirstVisibleLine(block.blockNumber() - qMin(3, visible / 2));
}

int DiffEditor::lineNumberAreaWidth() const
{
    int digits = 3;
    for (int max = qMax(1, document()->blockCount()); max >= 1000; max /= 10)
        ++digits;
    return revertMarkerWidth() + NumberPadding * 2 + fontMetrics().horizontalAdvance(QLatin1Char('0')) * digits
        + TextGap;
}

int DiffEditor::revertMarkerWidth() const
{
    return fontMetrics().horizontalAdvance(QChar(0x21B6)) + 4;
}

void DiffEditor::updateMargins()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void DiffEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
}

void DiffEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateMargins();
}

void DiffEditor::keyPressEvent(QKeyEvent *event)
{
    // Alt+Up/Down belong to change navigation, not to the text.
    if ((event->modifiers() & Qt::AltModifier) && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        event->ignore();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void DiffEditor::paintEvent(QPaintEvent *event)
{
    {
        // The tints go under the text the base class paints next.
        QPainter painter(viewport());
        QTextBlock block = firstVisibleBlock();
        QPointF offset = contentOffset();
        const int width = viewport()->width();
        while (block.isValid() && offset.y() <= event->rect().bottom()) {
            const QRectF bounds = blockBoundingRect(block).translated(offset);
            const Mark mark = markAt(block.blockNumber());
            if (block.isVisible() && mark != Mark::None) {
                painter.fillRect(QRectF(0, bounds.top(), width, bounds.height()), m_colors.addedBackground);
                const QTextLayout *layout = block.layout();
                if (layout && layout->lineCount() > 0) {
                    const QTextLine line = layout->lineAt(0);
                    const QPointF origin = offset + layout->position();
                    const int length = block.length() - 1;
                    for (const DiffSpan &span : m_spans.value(block.blockNumber())) {
                        const qreal x1 = line.cursorToX(qBound(0, span.start, length));
                        const qreal x2 = line.cursorToX(qBound(0, span.start + span.length, length));
                        painter.fillRect(QRectF(origin.x() + x1, bounds.top(), qMax(x2 - x1, 2.0), bounds.height()),
                            m_colors.addedEmphasis);
                    }
                }
            }
            offset.ry() += bounds.height();
            block = block.next();
        }
    }
    QPlainTextEdit::paintEvent(event);
}

void DiffEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const int width = m_lineNumbers->width();
    const int gutter = width - TextGap;
    painter.fillRect(QRect(0, event->rect().top(), gutter, event->rect().height()), m_colors.gutterBackground);
    painter.fillRect(QRect(gutter, event->rect().top(), TextGap, event->rect().height()), m_colors.background);
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (block.isVisible() && top + height >= event->rect().top()) {
            const QRectF rect(0, top, gutter, height);
            if (markAt(block.blockNumber()) != Mark::None) {
                painter.fillRect(rect, m_colors.addedGutter);
                painter.fillRect(QRectF(gutter, top, TextGap, height), m_colors.addedBackground);
            }
            painter.setPen(m_colors.lineNumber);
            painter.drawText(rect.adjusted(0, 0, -NumberPadding, 0), Qt::AlignRight | Qt::AlignVCenter,
                QString::number(block.blockNumber() + 1));
        }
        top += height;
        block = block.next();
    }
    painter.setPen(m_colors.text);
    for (int line : std::as_const(m_revertMarkers)) {
        const QRect mark = revertMarkerRect(line);
        if (mark.intersects(event->rect()))
            painter.drawText(mark, Qt::AlignCenter, QString(QChar(0x21B6))); // ↶: back to the draft
    }
    painter.setPen(m_colors.separator);
    painter.drawLine(gutter, event->rect().top(), gutter, event->rect().bottom());
}

} // namespace Countersign
