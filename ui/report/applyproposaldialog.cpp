#include "applyproposaldialog.h"

#include "proposallistmodel.h"
#include "whatifpanel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Countersign {

ApplyProposalDialog::ApplyProposalDialog(const PolicyProposal &proposal, Runner runner, QWidget *parent)
    : QDialog(parent)
    , m_proposal(proposal)
    , m_status(new QLabel(this))
    , m_rejectedOrModified(new QLabel(this))
    , m_reviewerHours(new QLabel(this))
    , m_prohibitedApproved(new QLabel(this))
{
    setObjectName(QStringLiteral("applyProposalDialog"));
    setWindowTitle(tr("Apply Policy Proposal"));
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(tr("<p>%1 proposed on %2:</p><p><b>%3</b></p>")
                                .arg(proposal.createdBy.toHtmlEscaped(),
                                    QLocale().toString(proposal.createdAt.toLocalTime(), QLocale::ShortFormat),
                                    ProposalListModel::describeChanges(proposal.changes).toHtmlEscaped()),
        this);
    what->setObjectName(QStringLiteral("applyChanges"));
    what->setWordWrap(true);
    layout->addWidget(what);
    if (!proposal.note.isEmpty()) {
        auto *note = new QLabel(tr("Note: %1").arg(proposal.note), this);
        note->setObjectName(QStringLiteral("applyNote"));
        note->setWordWrap(true);
        note->setTextFormat(Qt::PlainText);
        layout->addWidget(note);
    }

    auto *box = new QGroupBox(tr("What it would have done to the last 90 days"), this);
    auto *form = new QFormLayout(box);
    m_rejectedOrModified->setObjectName(QStringLiteral("applyRejectedOrModified"));
    m_reviewerHours->setObjectName(QStringLiteral("applyReviewerHours"));
    m_prohibitedApproved->setObjectName(QStringLiteral("applyProhibitedApproved"));
    form->addRow(tr("Auto-approved, though a reviewer rejected or edited them:"), m_rejectedOrModified);
    form->addRow(tr("Reviewer time for actions newly sent to review:"), m_reviewerHours);
    form->addRow(tr("Prohibited, though they were approved:"), m_prohibitedApproved);
    m_status->setObjectName(QStringLiteral("applySummary"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Replaying the last 90 days under this proposal…"));
    form->addRow(m_status);
    layout->addWidget(box);
    for (QLabel *l : {m_rejectedOrModified, m_reviewerHours, m_prohibitedApproved})
        l->setText(QStringLiteral("…"));

    auto *question = new QLabel(tr("Applying makes this the policy in force as a new version; pending actions are "
                                   "re-tiered toward stricter only."),
        this);
    question->setWordWrap(true);
    layout->addWidget(question);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Apply Proposal"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyConfirm"));
    m_apply->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (!runner) {
        showError(Error::unavailable(tr("no simulation was offered")));
        return;
    }
    runner().then(this, [this](const Result<SimulationReport> &report) {
        if (report)
            showReport(*report);
        else
            showError(report.error());
    });
}

void ApplyProposalDialog::showReport(const SimulationReport &report)
{
    m_simulating = false;
    const SimulationGroup &t = report.total;
    const QLocale locale;
    m_rejectedOrModified->setText(locale.toString(t.rejectedOrModified()));
    m_reviewerHours->setText(
        tr("%1 hours for %n action(s)", "", int(t.toReview)).arg(locale.toString(t.reviewerSeconds / 3600.0, 'f', 1)));
    m_prohibitedApproved->setText(locale.toString(t.prohibitedApproved));
    m_status->setText(WhatIfPanel::summary(report));
    m_apply->setEnabled(true);
}

void ApplyProposalDialog::showError(const Error &error)
{
    m_simulating = false;
    for (QLabel *l : {m_rejectedOrModified, m_reviewerHours, m_prohibitedApproved})
        l->setText(tr("unknown"));
    m_status->setText(
        tr("The what-if could not be computed (%1): apply only if you know what the change does.").arg(error.message));
    m_apply->setEnabled(true);
}

} // namespace Countersign
