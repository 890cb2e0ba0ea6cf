#include "simulationschemas.h"

#include "jsonschema.h"

namespace Countersign {

using namespace JsonSchema;

void SimulationSchemas::addTo(QJsonObject &schemas)
{
    const QString s = QStringLiteral("string");
    const QString integer = QStringLiteral("integer");
    const QString time = QStringLiteral("UTC ISO 8601 time or date");
    const QJsonObject ids = arrayOf(type(s, QStringLiteral("action id")));

    schemas.insert(QStringLiteral("PolicySimulationRequest"),
        object(
            {{QStringLiteral("policy"),
                 type(QStringLiteral("object"), QStringLiteral("a whole policy document (as PUT /v1/policy takes)"))},
                {QStringLiteral("proposal"),
                    type(s, QStringLiteral("id of a policy proposal, applied to the policy in force"))},
                {QStringLiteral("changes"), arrayOf(ref(QStringLiteral("PolicyChange")))},
                {QStringLiteral("from"), type(s, time + QStringLiteral("; default: 90 days before to"))},
                {QStringLiteral("to"), type(s, time + QStringLiteral("; default: the end of today"))}},
            {}, true));

    QJsonObject tierCounts{{QStringLiteral("auto"), type(integer)}, {QStringLiteral("review"), type(integer)},
        {QStringLiteral("prohibited"), type(integer)}};
    QJsonObject moves;
    for (const QString &tier : {QStringLiteral("auto"), QStringLiteral("review"), QStringLiteral("prohibited")})
        moves.insert(tier, object(tierCounts));
    schemas.insert(QStringLiteral("SimulationGroup"),
        object({{QStringLiteral("type"), type(s, QStringLiteral("absent in the total"))},
                   {QStringLiteral("category"), type(s, QStringLiteral("under the proposed policy"))},
                   {QStringLiteral("actions"), type(integer)},
                   {QStringLiteral("moved"), type(integer, QStringLiteral("actions whose tier would change"))},
                   {QStringLiteral("moves"), object(moves)}, {QStringLiteral("current"), object(tierCounts)},
                   {QStringLiteral("proposed"), object(tierCounts)},
                   {QStringLiteral("to_auto"),
                       object({{QStringLiteral("count"), type(integer)}, {QStringLiteral("approved"), type(integer)},
                           {QStringLiteral("modified"), type(integer)}, {QStringLiteral("rejected"), type(integer)},
                           {QStringLiteral("expired"), type(integer)},
                           {QStringLiteral("undecided"),
                               type(integer, QStringLiteral("pending, withdrawn or never reviewed"))},
                           {QStringLiteral("examples"),
                               object({{QStringLiteral("approved"), ids}, {QStringLiteral("modified"), ids},
                                   {QStringLiteral("rejected"), ids}, {QStringLiteral("expired"), ids}})}})},
                   {QStringLiteral("to_review"),
                       object({{QStringLiteral("count"), type(integer)},
                           {QStringLiteral("reviewer_seconds"),
                               type(QStringLiteral("number"),
                                   QStringLiteral("count x the median decide time of the category in the window"))}})},
                   {QStringLiteral("to_prohibited"),
                       object({{QStringLiteral("count"), type(integer)},
                           {QStringLiteral("approved"), type(integer, QStringLiteral("approved in fact"))},
                           {QStringLiteral("examples"), ids}})},
                   {QStringLiteral("problems_kept_auto"),
                       object({{QStringLiteral("count"), type(integer)}, {QStringLiteral("examples"), ids}})}},
            {QStringLiteral("actions"), QStringLiteral("moves")}));
    schemas.insert(QStringLiteral("PolicySimulation"),
        object({{QStringLiteral("from"), type(s, time)}, {QStringLiteral("to"), type(s, time)},
                   {QStringLiteral("current_policy_version"), type(integer)},
                   {QStringLiteral("proposed_policy_version"), type(integer)}, {QStringLiteral("proposal_id"), type(s)},
                   {QStringLiteral("median_decide_seconds"),
                       type(QStringLiteral("object"), QStringLiteral("category -> seconds"))},
                   {QStringLiteral("types"), arrayOf(ref(QStringLiteral("SimulationGroup")))},
                   {QStringLiteral("total"), ref(QStringLiteral("SimulationGroup"))}},
            {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("types"), QStringLiteral("total")}));
}

} // namespace Countersign
