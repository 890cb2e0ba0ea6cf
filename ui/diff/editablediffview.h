#pragma once

#include "diffdisplaymodel.h"
#include "diffpresenter.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace Countersign {

class DiffDocument;
class DiffEditor;
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
    const DiffDisplayModel &model() const { return m_model; }

    // Replaces the editor's text (not an edit: textEdited is not emitted).
    void setEditorText(const QString &text);
    // The text as the reviewer left it: unedited, exactly the text given (non-breaking spaces
    // and "\r\n" line endings kept).
    QString editorText() const;

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

Q_SIGNALS:
    // The reviewer changed the text.
    void textEdited();

private:
    struct Change {
        int leftLine = 0;
        int rightLine = 0;
    };

    void rebuildChanges();
    void syncLeftToEditor();
    void syncEditorToLeft();

    std::shared_ptr<DiffDocument> m_document;
    DiffDisplayModel m_model;
    QList<Change> m_changes; // where each block of changes starts, on both sides
    DiffPane *m_left;
    DiffEditor *m_editor;
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    bool m_settingText = false;
    bool m_crlf = false; // the text given had Windows line endings
    bool m_syncing = false;
};

} // namespace Countersign
