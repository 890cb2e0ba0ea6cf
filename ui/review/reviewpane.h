#pragma once

#include "domain/action.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace Countersign {

class ConfidenceMeter;
class TraceLink;
class DiffWidget;
class JsonPayloadView;
class JsonTreeModel;
class PatchView;

// Everything a reviewer needs to decide on one action: what it is, the proposed payload in the
// diff view (AI draft left, the reviewer's edit right), the AI's reasoning, its context, its
// confidence against the policy threshold, the SLA countdown and the claim; and the decision
// buttons. It shows and collects; the ReviewSession acts.
class ReviewPane : public QWidget
{
    Q_OBJECT

public:
    // What the diff compares. A change (the action carries the original text) opens on what the
    // agent proposes; without an original only the reviewer's edits can be shown.
    enum class View {
        Proposed, // original -> AI draft
        Edits, // AI draft -> your version (editing happens here)
        Result, // original -> your version: what approving now does
    };
    Q_ENUM(View)

    explicit ReviewPane(QWidget *parent = nullptr);

    View view() const { return m_view; }
    // Ignored for a view the item cannot show (no original: only Edits).
    void setView(View view);
    bool hasOriginal() const;

    void showAction(const std::optional<Action> &action, std::optional<double> threshold);
    std::optional<Action> action() const { return m_action; }
    void setClaim(const QString &claimedBy, bool mine);
    // "Approving “X” in 4 s — Ctrl+Z to undo"; 0 seconds hides the banner.
    void setPendingDecision(int secondsLeft, const QString &description, const QString &undoKeys);
    // A decision on this item waits in the outbox: nothing more to decide here.
    void setDecidedLocally(bool decided);
    // Offline, decisions are kept and sent later: the buttons say so.
    void setOffline(bool offline);
    void setNow(const QDateTime &now); // refreshes the SLA countdown
    void setReadOnly(bool readOnly); // agents and disconnected sessions cannot decide

    // Modify: the right side becomes an editor holding the draft.
    void startEditing();
    void cancelEditing(); // back to the agent's draft
    void finishEditing(); // the edit went out with a decision
    void restoreEdit(const QString &text); // a kept edit of this item, with a notice
    void focusEditor();
    bool isEditing() const { return m_editing; }
    QString editedText() const;
    bool hasEdits() const;
    // Why the edit cannot be approved as it is (a patch edit that no longer writes as a patch);
    // empty when it can.
    QString editProblem() const;

    QString rejectReason() const;
    void setRecentReasons(const QStringList &reasons);
    void focusRejectReason();

    DiffWidget *diffWidget() const { return m_diff; }
    // The view of a payload with language "diff" that parses as a patch (files, hunks).
    PatchView *patchView() const { return m_patchView; }
    // The payload is shown as a patch (parsed, in the patch view).
    bool isShowingPatch() const { return m_patchMode; }
    // JSON payloads: the key-by-key changes and the editable value tree, a tab under the diff.
    JsonPayloadView *jsonView() const { return m_json; }
    bool isJsonPayload() const;

Q_SIGNALS:
    void approveRequested();
    void modifyRequested(); // approve with the edit
    void rejectRequested(const QString &reason);
    void undoRequested();
    // The Modify button: the window decides (it asks before throwing edits away).
    void editToggleRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateTitle();
    void applyView();
    void keepEditorText();
    QWidget *createHeader();
    QWidget *createDecisionBar();
    void updateButtons();
    void updateSla();
    void showPayload(const Action &action);
    void updateJson();

    std::optional<Action> m_action;
    QDateTime m_now;
    bool m_editing = false;
    bool m_readOnly = false;
    bool m_claimedByOther = false;
    View m_view = View::Edits;
    QString m_editText; // the reviewer's version while another view is on screen
    bool m_decidedLocally = false;
    bool m_offline = false;
    QString m_fullTitle;

    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_tier;
    QLabel *m_sla;
    QLabel *m_claim;
    QLabel *m_empty;
    QTabBar *m_views;
    QLabel *m_notice; // "your edit was restored", "your decision waits to be sent"
    ConfidenceMeter *m_confidence;
    TraceLink *m_trace;
    DiffWidget *m_diff;
    PatchView *m_patchView;
    QStackedWidget *m_payloadStack; // the text diff or the patch view
    QLabel *m_patchNotice; // "this patch could not be read: shown as text"
    bool m_patchMode = false;
    QTabWidget *m_tabs;
    QTextBrowser *m_reasoning;
    QTreeView *m_contextView;
    JsonTreeModel *m_context;
    JsonPayloadView *m_json;
    QWidget *m_body;
    QWidget *m_undoBanner;
    QLabel *m_undoLabel;
    QPushButton *m_approve;
    QPushButton *m_modify;
    QPushButton *m_reject;
    QComboBox *m_reason;
};

} // namespace Countersign
