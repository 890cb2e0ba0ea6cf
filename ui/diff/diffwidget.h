#pragma once

#include "diffpresenter.h"

#include "diff/diffoptions.h"
#include "diff/filediff.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QFuture>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace Countersign {

class DiffDocument;
class DiffFindBar;
class EditableDiffView;
class SideBySideDiffView;
class UnifiedDiffView;

// The diff view of the review pane: a side-by-side and a unified presentation of one diff
// behind the DiffPresenter interface, switchable at runtime, with syntax highlighting
// (KSyntaxHighlighting, definition from the action's language or the file name, theme from
// the palette or chosen), change navigation, folding, copy and find.
//
// Texts are compared in the background (DiffJob); a newer request cancels the older one and
// stale results are dropped. In the editable mode the right side is an editor: the diff is
// recomputed ~150 ms after the reviewer stops typing ("Modify": the agent's draft on the left,
// the reviewer's version on the right).
class DiffWidget : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool editable READ isEditable WRITE setEditable NOTIFY editableChanged)

public:
    enum class Mode { SideBySide, Unified };
    Q_ENUM(Mode)

    // Quiet time after a keystroke before the edited text is compared again.
    static constexpr int RediffDelayMs = 150;
    // Lines highlighted per idle slice (about a millisecond of work).
    static constexpr int IdleHighlightLines = 64;

    explicit DiffWidget(QWidget *parent = nullptr);
    ~DiffWidget() override;

    // Compares the texts in the background; diffUpdated() tells when the view shows them.
    void setTexts(const QString &left, const QString &right);
    // Shows a diff computed elsewhere (e.g. parsed from a patch); nothing is recomputed.
    void setDiff(const FileDiff &diff);
    // The diff on screen.
    FileDiff diff() const;
    QString leftText() const { return m_leftText; }
    // A comparison is running (or waiting for the reviewer to stop typing).
    bool isComputing() const;

    // Hunks keep 3 lines of context by default: highlighting restarts at each hunk (cheap to
    // scroll, and an unbalanced quote in one hunk cannot reach the next); the unchanged lines
    // between hunks stay known and show as folds. contextLines -1 makes the whole file one hunk.
    void setOptions(const DiffOptions &options);
    DiffOptions options() const { return m_options; }

    // Shown above the sides, and the syntax fallback when the language hint says nothing.
    void setFileNames(const QString &left, const QString &right);
    // The action's `language` hint ("python", "sql", "shell", "email", ...); empty for none.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    void setMimeType(const QString &mimeType);
    KSyntaxHighlighting::Definition definition() const;

    // A KSyntaxHighlighting theme by name; empty follows the palette (light or dark).
    void setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }
    KSyntaxHighlighting::Theme theme() const;
    // The text font; the system's fixed font by default.
    void setViewFont(const QFont &font);
    QFont viewFont() const;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    // The reviewer's version: the editor's text in the editable mode, else the right text.
    QString editedText() const;
    // Editable, with this text in the editor (a restored edit); compared like typing.
    void setEditedText(const QString &text);
    // Keyboard focus into the editor, at the first change.
    void focusEditor();

    // Word wrap in every view. setLanguage() picks the wrap for the language: the reviewer's
    // remembered choice (setWordWrapChoices) or WrapPolicy's default.
    void setWordWrap(bool wrap);
    bool wordWrap() const { return m_wrap; }
    // Per language: the reviewer's last choice of wrapping (language -> on), as AppSettings keeps it.
    void setWordWrapChoices(const QHash<QString, bool> &choices);

    // Hunk copy ("Your edits"): the change block `index` of the editable view takes the draft's
    // lines again, as an ordinary edit (editedTextChanged follows). False when not editing,
    // while the diff is being brought up to date, or for no such block.
    bool revertChange(int index);
    // The block at the editor's cursor.
    bool revertChangeAtCursor();

    DiffPresenter *currentPresenter() const;
    // What the views share (the highlighters, colours and font), read-only for callers.
    const DiffDocument *document() const { return m_document.get(); }
    SideBySideDiffView *sideBySideView() const { return m_sideBySide; }
    UnifiedDiffView *unifiedView() const { return m_unified; }
    EditableDiffView *editableView() const { return m_editableView; }

    // For the application's menus; their shortcuts work while the focus is in this widget.
    QAction *nextChangeAction() const { return m_nextAction; }
    QAction *previousChangeAction() const { return m_previousAction; }
    QAction *sideBySideAction() const { return m_sideBySideAction; }
    QAction *unifiedAction() const { return m_unifiedAction; }
    QAction *expandAllAction() const { return m_expandAllAction; }
    QAction *ignoreWhitespaceAction() const { return m_whitespaceAction; }
    QAction *findAction() const { return m_findAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *wordWrapAction() const { return m_wrapAction; }
    QAction *revertChangeAction() const { return m_revertAction; }

public Q_SLOTS:
    bool goToNextChange();
    bool goToPreviousChange();
    void copy();
    void showFindBar();

Q_SIGNALS:
    // A new diff is on screen.
    void diffUpdated();
    // The reviewer typed in the editor; editedText() has the text.
    void editedTextChanged();
    void modeChanged(Mode mode);
    void editableChanged(bool editable);
    // The reviewer toggled wrapping (not emitted for setWordWrap or setLanguage).
    void wordWrapToggled(const QString &language, bool wrap);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    QToolBar *createToolBar();
    QList<DiffPresenter *> presenters() const;
    void find(const QString &text, bool backward);
    void startDiff(const QString &left, const QString &right);
    void applyDiff(const FileDiff &diff);
    void updateDefinition();
    void updateTheme();
    void styleChanged();
    void showPresenter();
    void refresh(DiffPresenter *presenter);
    void updateSummary();

    std::shared_ptr<DiffDocument> m_document;
    SideBySideDiffView *m_sideBySide;
    UnifiedDiffView *m_unified;
    EditableDiffView *m_editableView;
    QStackedWidget *m_stack;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_themeCombo = nullptr;
    DiffFindBar *m_findBar = nullptr;

    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_sideBySideAction = nullptr;
    QAction *m_unifiedAction = nullptr;
    QAction *m_expandAllAction = nullptr;
    QAction *m_whitespaceAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_wrapAction = nullptr;
    QAction *m_revertAction = nullptr;

    QString m_leftText;
    QString m_rightText;
    QString m_leftName;
    QString m_rightName;
    QString m_language;
    QString m_mimeType;
    QString m_themeName;
    DiffOptions m_options;
    Mode m_mode = Mode::SideBySide;
    bool m_editable = false;
    bool m_wrap = false;
    QHash<QString, bool> m_wrapChoices;
    bool m_haveTexts = false; // the diff came from texts (recomputable), not from setDiff()

    QTimer m_rediffTimer;
    QTimer m_idleHighlighter; // highlights what is not on screen yet, a slice per event loop pass
    QFuture<FileDiff> m_pending;
    bool m_computing = false; // m_pending is the latest request and its result is not shown yet
    quint64 m_generation = 0;
    QList<DiffPresenter *> m_stale; // presenters that have not seen the latest document
};

} // namespace Countersign
