#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabBar;
class QTreeView;

namespace Countersign {

class DecisionHistory;
class DiffWidget;
class HistoryModel;
class PatchView;

// Lists, searches and filters the reviewer's past decisions, shows any one with its diff,
// verifies the hash chain (pointing at the first entry where it breaks) and exports CSV/JSON.
// A decided patch (language "diff") is shown as in the review pane: files and hunks, read-only.
class HistoryWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit HistoryWindow(DecisionHistory *history, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }

    // What the diff of a decided change compares, as in the review pane.
    enum class View {
        Proposed, // original -> AI draft; for a patch: the agent's patch
        Edits, // AI draft -> the approved version; for a patch: per file, the agent's new side -> the approved
        Result, // original -> the approved version; for a patch: the patch approved
    };
    View view() const { return m_viewShown; }
    // Ignored for an entry without an original (only Edits), or a patch approved as proposed.
    void setView(View view);
    DiffWidget *diffWidget() const { return m_diff; }
    // Shows a decided patch; the diff widget shows everything else.
    PatchView *patchView() const { return m_patchView; }
    // The entry shown is a patch (its agent's patch parses).
    bool isShowingPatch() const { return m_patchEntry; }
    // Runs the chain check; returns true when intact. Shows the result in the window.
    bool verifyChain();
    // Reads the history and the outbox again (a decision was sent, refused or made).
    void refresh();
    bool exportTo(const QString &path); // format from the extension: .csv or .json

private:
    void applyFilter();
    void showEntry(const QModelIndex &index);
    void showCurrentView();
    bool hasView(View view) const;
    void setTabsForPatch(bool patch);
    void showPatch(const QString &text);
    void exportInteractively();

    DecisionHistory *m_history;
    HistoryModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_outcome;
    QTreeView *m_view;
    QLabel *m_details;
    QLabel *m_verifyResult;
    DiffWidget *m_diff;
    PatchView *m_patchView;
    QStackedWidget *m_payloadStack;
    QTabBar *m_views;
    View m_viewShown = View::Edits;
    bool m_patchEntry = false; // the agent's patch parses
    bool m_patchModified = false; // ... and the patch approved is another one
    QString m_patchShown; // the text m_patchView holds
};

} // namespace Countersign
