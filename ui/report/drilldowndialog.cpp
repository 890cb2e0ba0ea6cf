#include "drilldowndialog.h"

#include "drilldownmodel.h"
#include "widgets/noticelabel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Countersign {

DrillDownDialog::DrillDownDialog(
    const QString &title, DrillDownModel *model, ActionDetailDialog::Fetcher fetchAction, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_fetchAction(std::move(fetchAction))
    , m_count(new QLabel(this))
    , m_notice(new NoticeLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("drillDownDialog"));
    setWindowTitle(title);
    m_model->setParent(this);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("drillDownTitle"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    m_notice->setObjectName(QStringLiteral("drillDownNotice"));
    m_notice->clear();
    layout->addWidget(m_notice);
    m_view->setObjectName(QStringLiteral("drillDownList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(DrillDownModel::TitleColumn, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
    m_count->setObjectName(QStringLiteral("drillDownCount"));
    m_count->setText(tr("Loading…"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Enter opens the current action; it must not press Close as a dialog's default button would.
    for (QAbstractButton *b : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(b)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(960, 560);

    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        openAction(index.row());
    });
    connect(m_model, &DrillDownModel::pageLoaded, this, [this] {
        m_notice->clear();
        updateCount();
        if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
        m_view->resizeColumnsToContents();
    });
    connect(m_model, &DrillDownModel::failed, this, [this](const Error &error) {
        m_notice->setNotice(NoticeLabel::Kind::Error, tr("The actions could not be loaded: %1").arg(error.message));
        updateCount();
    });
    m_view->setFocus();
}

ActionDetailDialog *DrillDownDialog::openAction(int row)
{
    if (row < 0 || row >= m_model->rowCount() || !m_fetchAction)
        return nullptr;
    auto *dialog = new ActionDetailDialog(m_model->item(row).id, m_fetchAction, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    Q_EMIT actionOpened(dialog);
    return dialog;
}

void DrillDownDialog::updateCount()
{
    const QLocale locale;
    const qint64 total = m_model->total();
    if (total == 0 && !m_model->isLoading())
        m_count->setText(tr("No actions."));
    else
        m_count->setText(tr("%1 of %n action(s)", nullptr, int(total)).arg(locale.toString(m_model->rowCount())));
}

QString DrillDownDialog::title(const QString &measure, const QString &group, QDate firstDay, QDate lastDay)
{
    const QLocale locale;
    const QString format = QStringLiteral("d MMM");
    const QString days = firstDay == lastDay
        ? locale.toString(firstDay, format)
        : tr("%1 – %2").arg(locale.toString(firstDay, format), locale.toString(lastDay, format));
    return group.isEmpty() ? tr("%1 · %2").arg(measure, days) : tr("%1 · %2 · %3").arg(measure, group, days);
}

} // namespace Countersign
