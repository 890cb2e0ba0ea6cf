#pragma once

#include "reportsnapshot.h"

#include <QWidget>

class QStandardItemModel;
class QTreeView;

namespace Countersign {

class RecommendationModel;
class RecommendationsPanel;

// Who and what holds the queue: today's depth, oldest age and breaches per category, each
// reviewer's share of the window's decisions and live claims, and the server's bottleneck
// recommendations with their evidence.
class BottleneckView : public QWidget
{
    Q_OBJECT

public:
    BottleneckView(RecommendationModel *recommendations, QWidget *parent = nullptr);

    void setSnapshot(const ReportSnapshot &snapshot);
    QStandardItemModel *queueModel() const { return m_queue; }
    QStandardItemModel *reviewerModel() const { return m_reviewers; }
    RecommendationsPanel *recommendations() const { return m_panel; }

private:
    QStandardItemModel *m_queue;
    QStandardItemModel *m_reviewers;
    QTreeView *m_queueView;
    QTreeView *m_reviewerView;
    RecommendationsPanel *m_panel;
};

} // namespace Countersign
