#pragma once

#include "client/reportclient.h"

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace Countersign {

class NoticeLabel;
class ReviewerTableModel;

// The report window's Reviewers tab: GET /v1/reports/reviewers for the window's period, one
// sortable row per reviewer. Loaded on its own (not with the lead-only reports), so a reviewer's
// token shows their own row here while the other tabs say the reports are for leads.
class ReviewersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewersPanel(ServerConnection *connection, QWidget *parent = nullptr);

    // Fetches the period; a newer call supersedes an answer still on its way.
    void load(QDate from, QDate to);
    ReviewerTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString noticeText() const;

Q_SIGNALS:
    void loaded();
    void failed(const Countersign::Error &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void show(const ReviewerReport &report);

    ReportClient m_client;
    ReviewerTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    NoticeLabel *m_notice;
    QTableView *m_view;
    quint64 m_generation = 0;
};

} // namespace Countersign
