#include "policyproposal.h"

#include "domain/timeformat.h"
#include "reportjson.h"

#include <QJsonArray>

namespace Countersign {

QString proposalStateName(ProposalState state)
{
    switch (state) {
    case ProposalState::Draft:
        return QStringLiteral("draft");
    case ProposalState::Applied:
        return QStringLiteral("applied");
    case ProposalState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<ProposalState> proposalStateFromName(QStringView name)
{
    for (auto s : {ProposalState::Draft, ProposalState::Applied, ProposalState::Rejected}) {
        if (name == proposalStateName(s))
            return s;
    }
    return std::nullopt;
}

QJsonObject PolicyProposal::toJson() const
{
    QJsonArray list;
    for (const PolicyChange &c : changes)
        list.append(c.toJson());
    auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("recommendation_id"), orNull(recommendationId)},
        {QStringLiteral("changes"), list}, {QStringLiteral("note"), note},
        {QStringLiteral("state"), proposalStateName(state)}, {QStringLiteral("created_by"), createdBy},
        {QStringLiteral("created_at"), timeToJson(createdAt)}, {QStringLiteral("decided_by"), orNull(decidedBy)},
        {QStringLiteral("decided_at"), timeToJson(decidedAt)}, {QStringLiteral("reason"), orNull(reason)},
        {QStringLiteral("policy_version"), policyVersion > 0 ? QJsonValue(policyVersion) : QJsonValue()}};
}

Result<PolicyProposal> PolicyProposal::fromJson(const QJsonObject &o)
{
    PolicyProposal p;
    p.id = o.value(QLatin1String("id")).toString();
    if (p.id.isEmpty())
        return fail(Error::invalid(QStringLiteral("id"), QStringLiteral("must be a non-empty string")));
    p.recommendationId = o.value(QLatin1String("recommendation_id")).toString();
    auto changes
        = ReportJson::list<PolicyChange>(o.value(QLatin1String("changes")).toArray(), QStringLiteral("changes"));
    if (!changes)
        return fail(changes.error());
    p.changes = *changes;
    p.note = o.value(QLatin1String("note")).toString();
    const auto state = proposalStateFromName(o.value(QLatin1String("state")).toString());
    if (!state)
        return fail(Error::invalid(QStringLiteral("state"), QStringLiteral("must be draft, applied or rejected")));
    p.state = *state;
    p.createdBy = o.value(QLatin1String("created_by")).toString();
    p.createdAt = fromIsoUtc(o.value(QLatin1String("created_at")).toString());
    p.decidedBy = o.value(QLatin1String("decided_by")).toString();
    p.decidedAt = fromIsoUtc(o.value(QLatin1String("decided_at")).toString());
    p.reason = o.value(QLatin1String("reason")).toString();
    p.policyVersion = o.value(QLatin1String("policy_version")).toInt();
    return p;
}

} // namespace Countersign
