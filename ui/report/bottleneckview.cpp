#include "bottleneckview.h"

#include "queue/queuemodel.h"
#include "recommendationspanel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLocale>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

namespace {

QStandardItem *numberItem(double value, const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setData(value, Qt::UserRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QStandardItem *countItem(qint64 value)
{
    return numberItem(double(value), QLocale().toString(value));
}

QTreeView *tableView(QStandardItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->header()->setSectionResizeMode(QHeaderView::Interactive);
    view->header()->setDefaultSectionSize(110);
    return view;
}

QGroupBox *boxed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace

BottleneckView::BottleneckView(RecommendationModel *recommendations, QWidget *parent)
    : QWidget(parent)
    , m_queue(new QStandardItemModel(this))
    , m_reviewers(new QStandardItemModel(this))
    , m_queueView(tableView(m_queue, QStringLiteral("queueNowView"), this))
    , m_reviewerView(tableView(m_reviewers, QStringLiteral("reviewerLoadView"), this))
    , m_panel(new RecommendationsPanel(recommendations, {RecommendationKind::Bottleneck}, this))
{
    m_queue->setSortRole(Qt::UserRole);
    m_reviewers->setSortRole(Qt::UserRole);
    m_panel->setPlaceholder(tr("No bottleneck: queue times and SLA breaches did not grow, and no reviewer "
                               "carries far more than the others."));
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(boxed(tr("Queue now"), m_queueView, tables));
    tables->addWidget(boxed(tr("Reviewers' load in the period"), m_reviewerView, tables));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tables);
    splitter->addWidget(boxed(tr("Bottlenecks"), m_panel, splitter));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
}

void BottleneckView::setSnapshot(const ReportSnapshot &snapshot)
{
    m_queue->clear();
    m_queue->setHorizontalHeaderLabels(
        {tr("Category"), tr("Pending"), tr("Oldest"), tr("SLA breaches"), tr("Escalated")});
    const QJsonArray categories = snapshot.queueStats.value(QLatin1String("categories")).toArray();
    for (const auto &value : categories) {
        const QJsonObject c = value.toObject();
        const double oldest = c.value(QLatin1String("oldest_age_s")).toDouble();
        m_queue->appendRow({new QStandardItem(c.value(QLatin1String("category")).toString()),
            countItem(c.value(QLatin1String("depth")).toInteger()),
            numberItem(oldest, QueueModel::formatAge(qint64(oldest))),
            countItem(c.value(QLatin1String("sla_breaches")).toInteger()),
            countItem(c.value(QLatin1String("escalated")).toInteger())});
    }

    m_reviewers->clear();
    m_reviewers->setHorizontalHeaderLabels(
        {tr("Reviewer"), tr("Decisions"), tr("Share"), tr("Time to decide (median)"), tr("Claimed now")});
    const QJsonObject claims = snapshot.queueStats.value(QLatin1String("claimed_by_reviewer")).toObject();
    qint64 all = 0;
    for (const auto &g : snapshot.byReviewer.groups)
        all += g.reviewed;
    QSet<QString> listed;
    for (const auto &g : snapshot.byReviewer.groups) {
        if (g.key.isEmpty())
            continue;
        listed.insert(g.key);
        const double share = all > 0 ? double(g.reviewed) / double(all) : 0.0;
        m_reviewers->appendRow({new QStandardItem(g.key), countItem(g.reviewed),
            numberItem(share, QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%')),
            numberItem(g.decideMedianSeconds,
                g.decideMedianSeconds < 0 ? QStringLiteral("–")
                                          : QueueModel::formatAge(qint64(g.decideMedianSeconds + 0.5))),
            countItem(claims.value(g.key).toInteger())});
    }
    // Reviewers who hold claims but decided nothing in the window still hold the queue.
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (listed.contains(it.key()))
            continue;
        m_reviewers->appendRow({new QStandardItem(it.key()), countItem(0), numberItem(0, QStringLiteral("0%")),
            numberItem(-1, QStringLiteral("–")), countItem(it.value().toInteger())});
    }
    m_queueView->sortByColumn(1, Qt::DescendingOrder);
    m_reviewerView->sortByColumn(1, Qt::DescendingOrder);
    // Headers such as "Time to decide (median)" are wider than the default section.
    for (QTreeView *view : {m_queueView, m_reviewerView}) {
        for (int c = 0; c < view->model()->columnCount(); ++c)
            view->resizeColumnToContents(c);
    }
}

} // namespace Countersign
