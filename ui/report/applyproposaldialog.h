#pragma once

#include "report/policyproposal.h"
#include "report/simulationreport.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QLabel;
class QPushButton;

namespace Countersign {

// The admin's last look before a proposal becomes policy: its changes in words and, replayed
// again now, what it would have done to the last 90 days (the key numbers). Apply is enabled once
// the replay answered, or failed (then the dialog says the numbers are unknown).
class ApplyProposalDialog : public QDialog
{
    Q_OBJECT

public:
    using Runner = std::function<QFuture<Result<SimulationReport>>()>;

    ApplyProposalDialog(const PolicyProposal &proposal, Runner runner, QWidget *parent = nullptr);

    const PolicyProposal &proposal() const { return m_proposal; }
    bool isSimulating() const { return m_simulating; }

private:
    void showReport(const SimulationReport &report);
    void showError(const Error &error);

    PolicyProposal m_proposal;
    bool m_simulating = true;
    QLabel *m_status;
    QLabel *m_rejectedOrModified;
    QLabel *m_reviewerHours;
    QLabel *m_prohibitedApproved;
    QPushButton *m_apply;
};

} // namespace Countersign
