#pragma once

#include "policychange.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace Countersign {

enum class ProposalState { Draft, Applied, Rejected };

QString proposalStateName(ProposalState state); // "draft", "applied", "rejected"
std::optional<ProposalState> proposalStateFromName(QStringView name);

// A lead's draft change of action type tiers (often from a recommendation) that an admin
// applies (a new policy version) or rejects with a reason.
struct PolicyProposal {
    QString id;
    QString recommendationId; // may be empty
    QList<PolicyChange> changes;
    QString note;
    ProposalState state = ProposalState::Draft;
    QString createdBy;
    QDateTime createdAt;
    QString decidedBy;
    QDateTime decidedAt;
    QString reason; // why it was rejected
    int policyVersion = 0; // the version applying it created

    QJsonObject toJson() const;
    static Result<PolicyProposal> fromJson(const QJsonObject &object);

    friend bool operator==(const PolicyProposal &, const PolicyProposal &) = default;
};

} // namespace Countersign
