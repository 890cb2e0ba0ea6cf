#pragma once

#include "report/recommendation.h"

#include <QAbstractTableModel>

namespace Countersign {

// The server's recommendations as a table: kind, subject, summary. KindRole lets a proxy show
// one kind (the unassigned types tab) or all the others (the recommendations tab).
class RecommendationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, SubjectColumn, SummaryColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, IdRole };

    explicit RecommendationModel(QObject *parent = nullptr);

    void setRecommendations(const QList<Recommendation> &items);
    const Recommendation &recommendation(int row) const { return m_items.at(row); }
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindTitle(RecommendationKind kind);
    // "email.send", "category finance", "reviewer alice": what the recommendation is about.
    static QString subject(const Recommendation &recommendation);

private:
    QList<Recommendation> m_items;
};

} // namespace Countersign
