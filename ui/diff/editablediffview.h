#pragma once

#include "diffdisplaymodel.h"
#include "diffpresenter.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace Countersign {

class DiffDocument;
class DiffEditor;
class DiffOverviewRuler;
class DiffPane;

// "Modify": the original (the agent's draft) read-only on the left, tinted where the edit
// departs from it, and the reviewer's editor on the right. Scrolling follows the diff's line
// mapping, since the two sides no longer share rows.
class EditableDiffView : public QWidget, public DiffPresenter
{
    Q_OBJECT

public:
    explicit EditableDiffView(std::shared_ptr<DiffDocument> document, QWidget *parent = nullptr);
    ~EditableDiffView() override;

    DiffPane *leftPane() const { return m_left; }
    DiffEditor *editor() const { return m_editor; }
    // Beside the editor: where the changes are, in the editor's lines; a click goes there.
    DiffOverviewRuler *overviewRuler() const { return m_ruler; }
    const DiffDisplayModel &model() const { return m_model; }

    // Replaces the editor's text (not an edit: textEdited is not emitted).
    void setEditorText(const QString &text);
    // The text as the reviewer left it: unedited, exactly the text given (non-breaking spaces
    // and "\r\n" line endings kept).
    QString editorText() const;

    // Hunk copy: the change block `index` (0-based, as counted by changeCount()) takes the
    // draft's lines again, through the editor's undo stack, so it is an ordinary edit
    // (textEdited is emitted). False when there is no such block.
    bool revertChange(int index);
    // The change block the editor line is in (a block of removed lines sits on the line
    // after it), or -1.
    int changeAtLine(int line) const;
    // The block at the text cursor, or -1.
    int changeAtCursor() const;
    // The blocks describe an older text (typing went on after the diff was taken): reverting
    // waits for the next diff.
    void markChangesStale() { m_changesStale = true; }
    bool changesAreCurrent() const { return !m_changesStale; }

    // Word wrap on both sides; a line of the draft is at least as tall as its counterpart in
    // the editor, so that unchanged lines stay level while the two wrap differently.
    void setWordWrap(bool wrap);
    bool wordWrap() const { return m_wrap; }

    // DiffPresenter
    QWidget *widget() override { return this; }
    void documentChanged() override;
    bool goToNextChange() override;
    bool goToPreviousChange() override;
    int currentChange() const override;
    int changeCount() const override;
    Location currentLocation() const override;
    void setCurrentLocation(const Location &location) override;
    QString selectedText() const override;
    void expandAll() override { }
    bool find(const QString &text, bool backward) override;
    void focusView() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // The reviewer changed the text.
    void textEdited();

private:
    struct Change {
        int leftLine = 0;
        int rightLine = 0;
        int leftCount = 0; // the draft's lines in the block
        int rightCount = 0; // the editor's lines in the block
    };

    void rebuildChanges();
    void updateRowLines();
    void updateRuler();
    void updateRulerRange();
    void syncLeftToEditor();
    void syncEditorToLeft();

    std::shared_ptr<DiffDocument> m_document;
    DiffDisplayModel m_model;
    QList<Change> m_changes; // where each block of changes starts, on both sides
    DiffPane *m_left;
    DiffEditor *m_editor;
    DiffOverviewRuler *m_ruler;
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    bool m_settingText = false;
    bool m_crlf = false; // the text given had Windows line endings
    bool m_syncing = false;
    bool m_reverting = false;
    bool m_wrap = false;
    bool m_changesStale = false;
};

} // namespace Countersign
