#include "proposallistmodel.h"

#include <QLocale>

namespace Countersign {

void ProposalListModel::setProposals(const QList<PolicyProposal> &proposals)
{
    beginResetModel();
    m_proposals = proposals;
    endResetModel();
}

int ProposalListModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_proposals.size(); ++row) {
        if (m_proposals.at(row).id == id)
            return row;
    }
    return -1;
}

int ProposalListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proposals.size());
}

int ProposalListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProposalListModel::tierTitle(Tier tier)
{
    switch (tier) {
    case Tier::Auto:
        return tr("Auto-approve");
    case Tier::Review:
        return tr("Review required");
    case Tier::Prohibited:
        return tr("Prohibited");
    }
    return {};
}

QString ProposalListModel::stateTitle(ProposalState state)
{
    switch (state) {
    case ProposalState::Draft:
        return tr("Pending");
    case ProposalState::Applied:
        return tr("Applied");
    case ProposalState::Rejected:
        return tr("Rejected");
    }
    return {};
}

QString ProposalListModel::describeChanges(const QList<PolicyChange> &changes)
{
    QStringList parts;
    for (const PolicyChange &c : changes) {
        parts.append(c.category.isEmpty() ? tr("%1 → %2").arg(c.type, tierTitle(c.tier))
                                          : tr("%1 → %2 (in %3)").arg(c.type, tierTitle(c.tier), c.category));
    }
    return parts.join(QStringLiteral("; "));
}

QVariant ProposalListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PolicyProposal &p = m_proposals.at(index.row());
    switch (role) {
    case IdRole:
        return p.id;
    case StateRole:
        return int(p.state);
    case Qt::ToolTipRole:
        if (index.column() == State && p.state == ProposalState::Rejected)
            return tr("Rejected by %1: %2").arg(p.decidedBy, p.reason);
        if (index.column() == State && p.state == ProposalState::Applied)
            return tr("Applied by %1 as policy version %2").arg(p.decidedBy).arg(p.policyVersion);
        return index.column() == Changes || index.column() == Id ? data(index, Qt::DisplayRole) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Id:
        return p.id;
    case CreatedBy:
        return p.createdBy;
    case CreatedAt:
        return QLocale().toString(p.createdAt.toLocalTime(), QLocale::ShortFormat);
    case State:
        return stateTitle(p.state);
    case Changes:
        return describeChanges(p.changes);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProposalListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Id:
        return tr("Proposal");
    case CreatedBy:
        return tr("Drafted by");
    case CreatedAt:
        return tr("Drafted");
    case State:
        return tr("Status");
    case Changes:
        return tr("Changes");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Countersign
