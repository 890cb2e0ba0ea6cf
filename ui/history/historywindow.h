#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QTabBar;
class QTreeView;

namespace Countersign {

class DecisionHistory;
class DiffWidget;
class HistoryModel;

// Lists, searches and filters the reviewer's past decisions, shows any one with its diff,
// verifies the hash chain (pointing at the first entry where it breaks) and exports CSV/JSON.
class HistoryWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit HistoryWindow(DecisionHistory *history, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }

    // What the diff of a decided change compares, as in the review pane.
    enum class View {
        Proposed, // original -> AI draft
        Edits, // AI draft -> the approved version
        Result, // original -> the approved version
    };
    View view() const { return m_viewShown; }
    // Ignored for an entry without an original (only Edits).
    void setView(View view);
    DiffWidget *diffWidget() const { return m_diff; }
    // Runs the chain check; returns true when intact. Shows the result in the window.
    bool verifyChain();
    // Reads the history and the outbox again (a decision was sent, refused or made).
    void refresh();
    bool exportTo(const QString &path); // format from the extension: .csv or .json

private:
    void applyFilter();
    void showEntry(const QModelIndex &index);
    void showCurrentView();
    void exportInteractively();

    DecisionHistory *m_history;
    HistoryModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_outcome;
    QTreeView *m_view;
    QLabel *m_details;
    QLabel *m_verifyResult;
    DiffWidget *m_diff;
    QTabBar *m_views;
    View m_viewShown = View::Edits;
};

} // namespace Countersign
