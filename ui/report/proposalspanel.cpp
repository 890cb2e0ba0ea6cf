#include "proposalspanel.h"

#include "applyproposaldialog.h"
#include "client/reportclient.h"
#include "client/serverconnection.h"
#include "proposallistmodel.h"
#include "whatifpanel.h"
#include "widgets/noticelabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace Countersign {

ProposalsPanel::ProposalsPanel(ServerConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_model(new ProposalListModel(this))
    , m_notice(new NoticeLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new QLabel(this))
    , m_whatIf(new WhatIfPanel(this))
    , m_refresh(new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&fresh"), this))
    , m_apply(new QPushButton(tr("&Apply…"), this))
    , m_reject(new QPushButton(tr("Re&ject…"), this))
{
    setObjectName(QStringLiteral("proposalsPanel"));
    m_whatIf->setActionFetcher([connection](const QString &id) {
        return connection->fetchAction(id);
    });
    auto *layout = new QVBoxLayout(this);
    m_notice->setObjectName(QStringLiteral("proposalsNotice"));
    m_notice->clear();
    layout->addWidget(m_notice);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_view->setObjectName(QStringLiteral("proposalsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setColumnHidden(ProposalListModel::Id, true); // a UUID: in the tooltip and the detail line
    leftLayout->addWidget(m_view, 1);
    auto *buttons = new QHBoxLayout;
    m_refresh->setObjectName(QStringLiteral("proposalsRefresh"));
    m_apply->setObjectName(QStringLiteral("proposalApply"));
    m_reject->setObjectName(QStringLiteral("proposalReject"));
    m_apply->setToolTip(tr("Make this proposal the policy in force, after a last look at what it would have done"));
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_apply);
    leftLayout->addLayout(buttons);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_detail->setObjectName(QStringLiteral("proposalDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setTextFormat(Qt::PlainText);
    rightLayout->addWidget(m_detail);
    rightLayout->addWidget(m_whatIf, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({420, 840}); // the replay needs the room: a table of every type
    layout->addWidget(splitter, 1);

    m_apply->setVisible(false);
    m_reject->setVisible(false);
    m_whatIf->setEnabled(false);
    m_detail->setText(tr("Select a pending proposal to see what it would have done to the last 90 days."));

    connect(m_refresh, &QPushButton::clicked, this, &ProposalsPanel::refresh);
    connect(m_apply, &QPushButton::clicked, this, &ProposalsPanel::confirmApply);
    connect(m_reject, &QPushButton::clicked, this, &ProposalsPanel::askRejectReason);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ProposalsPanel::currentChanged);
    updateButtons();
}

void ProposalsPanel::setCanDecide(bool canDecide)
{
    m_canDecide = canDecide;
    m_apply->setVisible(canDecide);
    m_reject->setVisible(canDecide);
    updateButtons();
}

const PolicyProposal *ProposalsPanel::current() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? &m_model->proposal(index.row()) : nullptr;
}

void ProposalsPanel::refresh()
{
    const quint64 generation = ++m_generation;
    if (const PolicyProposal *p = current(); p && m_wantedId.isEmpty())
        m_wantedId = p->id; // keep the selection across the reload
    m_refresh->setEnabled(false);
    ReportClient(m_connection)
        .listProposals()
        .then(this, [this, generation](const Result<QList<PolicyProposal>> &list) {
            if (generation != m_generation)
                return; // a newer refresh is under way
            m_refresh->setEnabled(true);
            if (!list) {
                m_notice->setNotice(NoticeLabel::Kind::Error,
                    list.error().code == ErrorCode::Forbidden
                        ? tr("Proposals are for team leads and administrators: this token has neither role.")
                        : tr("The proposals could not be loaded: %1").arg(list.error().message));
                Q_EMIT loaded();
                return;
            }
            const QString wanted = std::exchange(m_wantedId, QString());
            m_model->setProposals(*list);
            if (list->isEmpty())
                m_notice->setNotice(NoticeLabel::Kind::Information,
                    tr("No proposals yet: draft one from a recommendation on the Recommendations tab."));
            else
                m_notice->clear();
            if (!wanted.isEmpty())
                select(wanted);
            if (!current())
                currentChanged(); // the reset dropped the selection without a signal
            Q_EMIT loaded();
        });
}

void ProposalsPanel::select(const QString &proposalId)
{
    const int row = m_model->rowOfId(proposalId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, ProposalListModel::CreatedBy));
}

void ProposalsPanel::currentChanged()
{
    updateButtons();
    const PolicyProposal *p = current();
    if (!p) {
        m_shownId.clear();
        m_whatIf->setRunner({});
        m_whatIf->setEnabled(false);
        m_detail->setText(tr("Select a pending proposal to see what it would have done to the last 90 days."));
        return;
    }
    QString detail
        = tr("Proposal %1 by %2: %3").arg(p->id, p->createdBy, ProposalListModel::describeChanges(p->changes));
    if (!p->note.isEmpty())
        detail += u'\n' + tr("Note: %1").arg(p->note);
    const QLocale locale;
    if (p->state == ProposalState::Applied)
        detail += u'\n'
            + tr("Applied by %1 on %2 as policy version %3.")
                  .arg(p->decidedBy, locale.toString(p->decidedAt.toLocalTime(), QLocale::ShortFormat))
                  .arg(p->policyVersion);
    else if (p->state == ProposalState::Rejected)
        detail += u'\n'
            + tr("Rejected by %1 on %2: %3")
                  .arg(p->decidedBy, locale.toString(p->decidedAt.toLocalTime(), QLocale::ShortFormat), p->reason);
    m_detail->setText(detail);
    if (p->state != ProposalState::Draft) {
        // Replaying a decided proposal against today's policy would answer a question nobody asked.
        m_shownId.clear();
        m_whatIf->setRunner({});
        m_whatIf->setEnabled(false);
        return;
    }
    if (p->id == m_shownId)
        return; // a reload kept the selection: the numbers shown still hold
    m_shownId = p->id;
    m_whatIf->setEnabled(true);
    m_whatIf->setRunner([connection = m_connection, id = p->id] {
        return ReportClient(connection).simulateProposal(id);
    });
    m_whatIf->run();
}

void ProposalsPanel::updateButtons()
{
    const PolicyProposal *p = current();
    const bool pending = p && p->state == ProposalState::Draft && !m_busy;
    m_apply->setEnabled(m_canDecide && pending);
    m_reject->setEnabled(m_canDecide && pending);
}

void ProposalsPanel::confirmApply()
{
    const PolicyProposal *p = current();
    if (!p || !m_canDecide || p->state != ProposalState::Draft)
        return;
    auto *dialog = new ApplyProposalDialog(
        *p,
        [connection = m_connection, id = p->id] {
            return ReportClient(connection).simulateProposal(id);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, id = p->id] {
        apply(id);
    });
    dialog->open();
}

void ProposalsPanel::askRejectReason()
{
    const PolicyProposal *p = current();
    if (!p || !m_canDecide || p->state != ProposalState::Draft)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("rejectProposalDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Reject Policy Proposal"));
    dialog->setLabelText(tr("Why is %1 rejected? The lead who drafted it reads this.")
            .arg(ProposalListModel::describeChanges(p->changes)));
    dialog->setOkButtonText(tr("Reject Proposal"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id = p->id](const QString &reason) {
        if (reason.trimmed().isEmpty()) {
            m_notice->setNotice(
                NoticeLabel::Kind::Warning, tr("A rejection needs a reason; the proposal stays pending."));
            return;
        }
        reject(id, reason.trimmed());
    });
    dialog->open();
}

void ProposalsPanel::apply(const QString &id)
{
    m_busy = true;
    updateButtons();
    ReportClient(m_connection).applyProposal(id).then(this, [this](const Result<PolicyProposal> &applied) {
        m_busy = false;
        if (!applied) {
            m_notice->setNotice(
                NoticeLabel::Kind::Error, tr("The proposal was not applied: %1").arg(applied.error().message));
            updateButtons();
            return;
        }
        Q_EMIT statusMessage(tr("Proposal applied: policy version %1 is in force.").arg(applied->policyVersion));
        Q_EMIT decided(*applied);
        m_wantedId = applied->id;
        refresh();
    });
}

void ProposalsPanel::reject(const QString &id, const QString &reason)
{
    m_busy = true;
    updateButtons();
    ReportClient(m_connection).rejectProposal(id, reason).then(this, [this](const Result<PolicyProposal> &rejected) {
        m_busy = false;
        if (!rejected) {
            m_notice->setNotice(
                NoticeLabel::Kind::Error, tr("The proposal was not rejected: %1").arg(rejected.error().message));
            updateButtons();
            return;
        }
        Q_EMIT statusMessage(tr("Proposal rejected."));
        Q_EMIT decided(*rejected);
        m_wantedId = rejected->id;
        refresh();
    });
}

} // namespace Countersign
