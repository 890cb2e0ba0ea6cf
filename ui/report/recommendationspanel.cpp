#include "recommendationspanel.h"

#include "evidenceformatter.h"
#include "recommendationmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

namespace {

// Shows the rows of the chosen kinds only.
class KindFilter : public QSortFilterProxyModel
{
public:
    KindFilter(const QSet<RecommendationKind> &kinds, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_kinds(kinds)
    { }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto kind = sourceModel()->index(row, 0, parent).data(RecommendationModel::KindRole).toInt();
        return m_kinds.contains(RecommendationKind(kind));
    }

private:
    QSet<RecommendationKind> m_kinds;
};

} // namespace

RecommendationsPanel::RecommendationsPanel(
    RecommendationModel *model, const QSet<RecommendationKind> &kinds, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new KindFilter(kinds, this))
    , m_view(new QTreeView(this))
    , m_placeholder(new QLabel(this))
    , m_evidence(new QTextBrowser(this))
    , m_draft(new QPushButton(tr("&Draft Policy Change…"), this))
{
    m_proxy->setSourceModel(model);
    m_view->setObjectName(QStringLiteral("recommendationView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(RecommendationModel::KindColumn, 170);
    m_view->setColumnWidth(RecommendationModel::SubjectColumn, 200);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_evidence->setObjectName(QStringLiteral("evidenceView"));
    m_evidence->setOpenLinks(false);
    m_draft->setObjectName(QStringLiteral("draftButton"));
    m_draft->setEnabled(false);
    m_draft->setToolTip(tr("Propose this change to the policy; an administrator applies it"));

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(new QLabel(tr("Evidence"), details));
    detailsLayout->addWidget(m_evidence, 1);
    detailsLayout->addWidget(m_draft, 0, Qt::AlignRight);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_placeholder, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(list);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RecommendationsPanel::showCurrent);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RecommendationsPanel::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        showCurrent();
    });
    connect(m_draft, &QPushButton::clicked, this, [this] {
        if (const auto r = current())
            Q_EMIT draftRequested(*r);
    });
    connect(m_view, &QTreeView::activated, this, [this] {
        if (const auto r = current(); r && !r->proposedChanges.isEmpty())
            Q_EMIT draftRequested(*r);
    });
    updatePlaceholder();
}

void RecommendationsPanel::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    updatePlaceholder();
}

int RecommendationsPanel::visibleCount() const
{
    return m_proxy->rowCount();
}

std::optional<Recommendation> RecommendationsPanel::current() const
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    if (!index.isValid())
        return std::nullopt;
    return m_model->recommendation(index.row());
}

void RecommendationsPanel::updatePlaceholder()
{
    const bool empty = m_proxy->rowCount() == 0;
    m_view->setVisible(!empty);
    m_placeholder->setVisible(empty);
}

void RecommendationsPanel::showCurrent()
{
    const auto r = current();
    m_draft->setEnabled(r && !r->proposedChanges.isEmpty());
    if (!r) {
        m_evidence->clear();
        return;
    }
    m_evidence->setHtml(
        QStringLiteral("<p>%1</p>").arg(r->summary.toHtmlEscaped()) + EvidenceFormatter::toHtml(r->evidence));
}

} // namespace Countersign
