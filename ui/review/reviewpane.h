#pragma once

#include "domain/action.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace Countersign {

class ConfidenceMeter;
class DiffWidget;
class JsonTreeModel;

// Everything a reviewer needs to decide on one action: what it is, the proposed payload in the
// diff view (AI draft left, the reviewer's edit right), the AI's reasoning, its context, its
// confidence against the policy threshold, the SLA countdown and the claim; and the decision
// buttons. It shows and collects; the ReviewController acts.
class ReviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPane(QWidget *parent = nullptr);

    void showAction(const std::optional<Action> &action, std::optional<double> threshold);
    std::optional<Action> action() const { return m_action; }
    void setClaim(const QString &claimedBy, bool mine);
    void setPendingDecision(int secondsLeft, const QString &description); // 0 hides the banner
    void setNow(const QDateTime &now); // refreshes the SLA countdown
    void setReadOnly(bool readOnly); // agents and disconnected sessions cannot decide

    // Modify: the right side becomes an editor holding the draft.
    void startEditing();
    void cancelEditing();
    bool isEditing() const { return m_editing; }
    QString editedText() const;
    bool hasEdits() const;

    QString rejectReason() const;
    void setRecentReasons(const QStringList &reasons);
    void focusRejectReason();

    DiffWidget *diffWidget() const { return m_diff; }

Q_SIGNALS:
    void approveRequested();
    void modifyRequested(); // approve with the edit
    void rejectRequested(const QString &reason);
    void undoRequested();

private:
    QWidget *createHeader();
    QWidget *createDecisionBar();
    void updateButtons();
    void updateSla();

    std::optional<Action> m_action;
    QDateTime m_now;
    bool m_editing = false;
    bool m_readOnly = false;
    bool m_claimedByOther = false;

    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_tier;
    QLabel *m_sla;
    QLabel *m_claim;
    QLabel *m_empty;
    ConfidenceMeter *m_confidence;
    DiffWidget *m_diff;
    QTabWidget *m_tabs;
    QTextBrowser *m_reasoning;
    QTreeView *m_contextView;
    JsonTreeModel *m_context;
    QWidget *m_body;
    QWidget *m_undoBanner;
    QLabel *m_undoLabel;
    QPushButton *m_approve;
    QPushButton *m_modify;
    QPushButton *m_reject;
    QComboBox *m_reason;
};

} // namespace Countersign
