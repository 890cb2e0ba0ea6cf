#pragma once

#include "diffcolors.h"

#include "diff/filediff.h"

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class Definition;
class SyntaxHighlighter;
class Theme;
} // namespace KSyntaxHighlighting

namespace Countersign {

// The reviewer's side of an editable diff: a highlighted plain-text editor with line numbers
// whose added and changed lines (and changed words) are tinted from the latest diff. Between
// an edit and the next diff the tints follow the text: inserted lines count as added, removed
// lines take their tint with them, the edited line counts as changed.
class DiffEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    enum class Mark : quint8 { None, Added, Changed };

    explicit DiffEditor(QWidget *parent = nullptr);
    ~DiffEditor() override;

    void setDefinition(const KSyntaxHighlighting::Definition &definition);
    void setTheme(const KSyntaxHighlighting::Theme &theme);
    void setViewFont(const QFont &font);

    // Takes the marks of the diff's right side (the editor's text when the diff was made).
    void setMarks(const FileDiff &diff);
    Mark markAt(int line) const;

    int firstVisibleLine() const;
    // Scrolls so that `line` is the first visible one.
    void setFirstVisibleLine(int line);
    // Puts the cursor at the start of a line and shows it with a few lines above.
    void goToLine(int line);

    int lineNumberAreaWidth() const;
    int revertMarkerWidth() const;
    void paintLineNumbers(QPaintEvent *event);

    // Hunk copy: lines where a change block starts get a clickable "take the draft's lines"
    // mark in the gutter; a click emits revertRequested(line).
    void setRevertMarkers(const QList<int> &lines);
    const QList<int> &revertMarkers() const { return m_revertMarkers; }
    // The gutter mark's rectangle for a line in gutter coordinates (empty when not shown).
    QRect revertMarkerRect(int line) const;
    QWidget *lineNumberArea() const { return m_lineNumbers; }
    void lineNumberAreaPressed(const QPoint &position);
    // Put first into the context menu (the cursor moves to the click when nothing is selected).
    void setContextActions(const QList<QAction *> &actions) { m_contextActions = actions; }
    // Lines wrap at the window's edge; otherwise the view scrolls sideways.
    void setWordWrap(bool wrap);
    bool wordWrap() const { return lineWrapMode() != QPlainTextEdit::NoWrap; }

Q_SIGNALS:
    void revertRequested(int line);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onContentsChange(int position, int removed, int added);
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateMargins();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QWidget *m_lineNumbers;
    DiffColors m_colors;
    QList<Mark> m_marks; // per line (block)
    QList<QList<DiffSpan>> m_spans; // changed words per line
    int m_blockCount = 1;
    QList<int> m_revertMarkers; // sorted
    QList<QAction *> m_contextActions;
};

} // namespace Countersign
