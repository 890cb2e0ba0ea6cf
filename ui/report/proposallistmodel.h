#pragma once

#include "report/policyproposal.h"

#include <QAbstractTableModel>

namespace Countersign {

// The server's policy proposals, newest first: who drafted what when, and what became of it.
class ProposalListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, CreatedBy, CreatedAt, State, Changes, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setProposals(const QList<PolicyProposal> &proposals);
    const PolicyProposal &proposal(int row) const { return m_proposals.at(row); }
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "refund.issue → Auto-approve; crm.merge_contacts → Review required (in finance)"
    static QString describeChanges(const QList<PolicyChange> &changes);
    static QString stateTitle(ProposalState state);
    static QString tierTitle(Tier tier);

private:
    QList<PolicyProposal> m_proposals;
};

} // namespace Countersign
