#include "reviewerspanel.h"

#include "logging.h"
#include "reviewertablemodel.h"
#include "widgets/noticelabel.h"

#include <QEvent>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Countersign {

ReviewersPanel::ReviewersPanel(ServerConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_client(connection)
    , m_model(new ReviewerTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_notice(new NoticeLabel(this))
    , m_view(new QTableView(this))
{
    m_model->setObjectName(QStringLiteral("reviewerTableModel"));
    m_model->setPalette(palette());
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReviewerTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_notice->setObjectName(QStringLiteral("reviewerNotice"));
    m_notice->clear();
    m_view->setObjectName(QStringLiteral("reviewerTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setDefaultSectionSize(110);
    m_view->sortByColumn(ReviewerTableModel::DecisionsColumn, Qt::DescendingOrder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
}

QString ReviewersPanel::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void ReviewersPanel::load(QDate from, QDate to)
{
    const quint64 generation = ++m_generation;
    m_client.reviewers(from, to).then(this, [this, generation](const Result<ReviewerReport> &report) {
        if (generation != m_generation)
            return; // superseded
        if (!report) {
            qCWarning(lcUi) << "reviewers report failed:" << report.error().toString();
            m_model->setReport({});
            m_notice->setNotice(NoticeLabel::Kind::Error,
                tr("The reviewers report could not be loaded: %1").arg(report.error().message));
            Q_EMIT failed(report.error());
            return;
        }
        show(*report);
    });
}

void ReviewersPanel::show(const ReviewerReport &report)
{
    m_model->setReport(report);
    m_view->resizeColumnsToContents();
    if (report.rows.isEmpty())
        m_notice->setNotice(NoticeLabel::Kind::Information, tr("No reviewer decided anything in this period."));
    else if (report.rows.size() == 1 && report.totalDecisions > report.rows.constFirst().decisions)
        m_notice->setNotice(NoticeLabel::Kind::Information,
            tr("Your own figures; the share is of all %n reviewer decisions in this period.", nullptr,
                int(report.totalDecisions)));
    else
        m_notice->clear();
    Q_EMIT loaded();
}

void ReviewersPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_model->setPalette(palette());
}

} // namespace Countersign
