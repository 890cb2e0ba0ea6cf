#pragma once

#include "report/policyproposal.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Countersign {

class NoticeLabel;
class ProposalListModel;
class ServerConnection;
class WhatIfPanel;

// The report window's Proposals tab: the server's policy proposals as a list; the pending one
// selected is replayed over the last 90 days beside it. An admin applies (after a confirmation
// that shows the replay's key numbers again) or rejects it with a reason; a lead only reads.
// Every server call runs off the GUI thread; errors show in the tab.
class ProposalsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProposalsPanel(ServerConnection *connection, QWidget *parent = nullptr);

    // Admins see Apply and Reject (the server refuses them to anyone else).
    void setCanDecide(bool canDecide);
    bool canDecide() const { return m_canDecide; }
    void refresh();
    void select(const QString &proposalId);

    ProposalListModel *model() const { return m_model; }
    WhatIfPanel *whatIf() const { return m_whatIf; }
    QTableView *view() const { return m_view; }
    const PolicyProposal *current() const;

Q_SIGNALS:
    void loaded();
    void decided(const Countersign::PolicyProposal &proposal);
    void statusMessage(const QString &text);

private:
    void currentChanged();
    void confirmApply();
    void askRejectReason();
    void apply(const QString &id);
    void reject(const QString &id, const QString &reason);
    void updateButtons();

    ServerConnection *m_connection;
    ProposalListModel *m_model;
    NoticeLabel *m_notice;
    QTableView *m_view;
    QLabel *m_detail;
    WhatIfPanel *m_whatIf;
    QPushButton *m_refresh;
    QPushButton *m_apply;
    QPushButton *m_reject;
    QString m_shownId; // the proposal the what-if is about
    QString m_wantedId; // to select once the list has loaded
    quint64 m_generation = 0;
    bool m_canDecide = false;
    bool m_busy = false;
};

} // namespace Countersign
