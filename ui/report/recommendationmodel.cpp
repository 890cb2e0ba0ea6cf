#include "recommendationmodel.h"

namespace Countersign {

RecommendationModel::RecommendationModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RecommendationModel::setRecommendations(const QList<Recommendation> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int RecommendationModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

int RecommendationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int RecommendationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RecommendationModel::kindTitle(RecommendationKind kind)
{
    switch (kind) {
    case RecommendationKind::Promote:
        return tr("Move to auto-approve");
    case RecommendationKind::Tighten:
        return tr("Tighten");
    case RecommendationKind::Unassigned:
        return tr("Unassigned type");
    case RecommendationKind::Bottleneck:
        return tr("Bottleneck");
    }
    return {};
}

QString RecommendationModel::subject(const Recommendation &r)
{
    if (!r.type.isEmpty())
        return r.type;
    if (!r.reviewer.isEmpty())
        return tr("reviewer %1").arg(r.reviewer);
    if (!r.category.isEmpty())
        return tr("category %1").arg(r.category);
    return r.id;
}

QVariant RecommendationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Recommendation &r = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return kindTitle(r.kind);
        case SubjectColumn:
            return subject(r);
        case SummaryColumn:
            return r.summary;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return r.summary;
    case KindRole:
        return int(r.kind);
    case IdRole:
        return r.id;
    default:
        return {};
    }
}

QVariant RecommendationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Recommendation");
    case SubjectColumn:
        return tr("About");
    case SummaryColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace Countersign
