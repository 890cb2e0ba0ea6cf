#pragma once

#include "report/reviewerreport.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace Countersign {

// One row per reviewer of GET /v1/reports/reviewers: load, speed and how their approvals fared
// in spot checks. SortRole gives plain numbers (rates and times without data sort first) so a
// QSortFilterProxyModel sorts them as numbers. A found-wrong rate above the team's shows in the
// palette's warning colour.
class ReviewerTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ReviewerColumn,
        DecisionsColumn,
        ShareColumn,
        ApprovedColumn,
        ModifiedColumn,
        RejectedColumn,
        DecideMedianColumn,
        SpotCheckedColumn,
        SpotProblemsColumn,
        AgreementColumn,
        FoundWrongColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ReviewerTableModel(QObject *parent = nullptr);

    void setReport(const ReviewerReport &report);
    const ReviewerReport &report() const { return m_report; }
    // The palette the warning colour is derived from (the view's).
    void setPalette(const QPalette &palette);
    // problems / checked over every row shown; -1 when nothing was checked.
    double teamFoundWrongRate() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString columnTitle(int column);

private:
    static QVariant number(const ReviewerReport::Row &row, int column);
    QString display(const ReviewerReport::Row &row, int column) const;
    bool aboveTeam(const ReviewerReport::Row &row) const;

    ReviewerReport m_report;
    QPalette m_palette;
};

} // namespace Countersign
