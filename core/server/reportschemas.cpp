#include "reportschemas.h"

#include "jsonschema.h"

#include <QJsonArray>

namespace Countersign {

using namespace JsonSchema;

void ReportSchemas::addTo(QJsonObject &schemas)
{
    const QString s = QStringLiteral("string");
    const QString integer = QStringLiteral("integer");
    const QString number = QStringLiteral("number");
    const QString time = QStringLiteral("UTC ISO 8601 with milliseconds");
    const QJsonObject tiers = enumOf({QStringLiteral("auto"), QStringLiteral("review"), QStringLiteral("prohibited")});

    QJsonObject group{{QStringLiteral("key"), type(s, QStringLiteral("the group, or an ISO date for day and week"))}};
    for (const char *counter : {"submitted", "auto_approved", "prohibited", "reviewed", "approved", "modified",
             "rejected", "expired", "withdrawn", "sla_breaches", "escalations"})
        group.insert(QLatin1String(counter), type(integer));
    for (const char *rate : {"approval_rate", "modification_rate", "rejection_rate"})
        group.insert(QLatin1String(rate), type(number, QStringLiteral("over reviewed")));
    for (const char *seconds : {"queue_time_median_s", "queue_time_p95_s", "decide_time_median_s"})
        group.insert(QLatin1String(seconds),
            nullable(number, QStringLiteral("seconds, within a factor 2^(1/6) of the true value; null without data")));
    schemas.insert(QStringLiteral("ReportGroup"), object(group, {QStringLiteral("key")}));
    schemas.insert(QStringLiteral("ApprovalReport"),
        object({{QStringLiteral("from"), type(s, time)}, {QStringLiteral("to"), type(s, time)},
            {QStringLiteral("group_by"),
                enumOf({QStringLiteral("category"), QStringLiteral("type"), QStringLiteral("reviewer"),
                    QStringLiteral("agent"), QStringLiteral("day"), QStringLiteral("week")})},
            {QStringLiteral("groups"), arrayOf(ref(QStringLiteral("ReportGroup")))},
            {QStringLiteral("totals"), ref(QStringLiteral("ReportGroup"))}}));

    schemas.insert(QStringLiteral("DrillDownItem"),
        object(
            {{QStringLiteral("id"), type(s)}, {QStringLiteral("type"), type(s)}, {QStringLiteral("category"), type(s)},
                {QStringLiteral("agent"), type(s)}, {QStringLiteral("title"), type(s)},
                {QStringLiteral("state"),
                    enumOf({QStringLiteral("pending"), QStringLiteral("approved"), QStringLiteral("rejected"),
                        QStringLiteral("expired"), QStringLiteral("withdrawn")})},
                {QStringLiteral("outcome"),
                    enumOf({QStringLiteral("pending"), QStringLiteral("auto_approved"), QStringLiteral("prohibited"),
                        QStringLiteral("approved"), QStringLiteral("modified"), QStringLiteral("rejected"),
                        QStringLiteral("expired"), QStringLiteral("withdrawn")})},
                {QStringLiteral("reviewer"),
                    nullable(s,
                        QStringLiteral("the deciding reviewer; null for policy, "
                                       "expiry and withdrawal"))},
                {QStringLiteral("created_at"), type(s, time)}, {QStringLiteral("decided_at"), nullable(s, time)},
                {QStringLiteral("confidence"), type(number)}},
            {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("state"), QStringLiteral("outcome")}));
    schemas.insert(QStringLiteral("DrillDownPage"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("DrillDownItem")))},
                   {QStringLiteral("total"), type(integer, QStringLiteral("the actions counted, across all pages"))},
                   {QStringLiteral("next_cursor"), nullable(s, QStringLiteral("null on the last page"))}},
            {QStringLiteral("items"), QStringLiteral("total"), QStringLiteral("next_cursor")}));

    const QJsonObject change = object({{QStringLiteral("type"), type(s)}, {QStringLiteral("tier"), tiers}},
        {QStringLiteral("type"), QStringLiteral("tier")}, true);
    schemas.insert(QStringLiteral("PolicyChange"), change);
    schemas.insert(QStringLiteral("Recommendation"),
        object({{QStringLiteral("id"), type(s, QStringLiteral("stable, e.g. promote:email.send"))},
                   {QStringLiteral("kind"),
                       enumOf({QStringLiteral("promote"), QStringLiteral("tighten"), QStringLiteral("unassigned"),
                           QStringLiteral("bottleneck")})},
                   {QStringLiteral("type"), type(s)}, {QStringLiteral("category"), type(s)},
                   {QStringLiteral("reviewer"), type(s)}, {QStringLiteral("summary"), type(s)},
                   {QStringLiteral("evidence"),
                       type(QStringLiteral("object"), QStringLiteral("counts, rates and the window"))},
                   {QStringLiteral("proposed_changes"), arrayOf(ref(QStringLiteral("PolicyChange")))}},
            {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("summary")}));
    schemas.insert(QStringLiteral("RecommendationReport"),
        object({{QStringLiteral("from"), type(s, time)}, {QStringLiteral("to"), type(s, time)},
            {QStringLiteral("thresholds"), type(QStringLiteral("object"))},
            {QStringLiteral("items"), arrayOf(ref(QStringLiteral("Recommendation")))}}));

    QJsonObject reviewer{{QStringLiteral("reviewer"), type(s)},
        {QStringLiteral("decisions"), type(integer, QStringLiteral("approved + modified + rejected"))},
        {QStringLiteral("decision_share"), type(number, QStringLiteral("of every reviewer's decisions in the window"))},
        {QStringLiteral("decide_time_median_s"),
            nullable(number, QStringLiteral("claim to decision, as in ReportGroup; null without data"))},
        {QStringLiteral("spot_sampled"), type(integer, QStringLiteral("their approvals sampled for a spot check"))},
        {QStringLiteral("spot_checked"), type(integer, QStringLiteral("of those, given a verdict"))},
        {QStringLiteral("spot_problems"), type(integer, QStringLiteral("of those, verdict problem"))},
        {QStringLiteral("agreement_rate"), nullable(number, QStringLiteral("ok / spot_checked; null when none"))},
        {QStringLiteral("found_wrong_rate"),
            nullable(number, QStringLiteral("spot_problems / spot_checked; null when none"))}};
    for (const char *counter : {"approved", "modified", "rejected"})
        reviewer.insert(QLatin1String(counter), type(integer));
    schemas.insert(QStringLiteral("ReviewerRow"), object(reviewer, {QStringLiteral("reviewer")}));
    schemas.insert(QStringLiteral("ReviewerReport"),
        object({{QStringLiteral("from"), type(s, time)}, {QStringLiteral("to"), type(s, time)},
            {QStringLiteral("total_decisions"), type(integer, QStringLiteral("every reviewer's, whatever rows show"))},
            {QStringLiteral("reviewers"), arrayOf(ref(QStringLiteral("ReviewerRow")))}}));

    const QJsonObject approvalReport = ref(QStringLiteral("ApprovalReport"));
    schemas.insert(QStringLiteral("QuarterlyReport"),
        object({{QStringLiteral("quarter"), type(s, QStringLiteral("e.g. 2026Q4"))},
            {QStringLiteral("from"), type(s, time)}, {QStringLiteral("to"), type(s, QStringLiteral("exclusive"))},
            {QStringLiteral("by_category"), approvalReport}, {QStringLiteral("by_type"), approvalReport},
            {QStringLiteral("by_week"), approvalReport}, {QStringLiteral("by_reviewer"), approvalReport},
            {QStringLiteral("reviewers"), ref(QStringLiteral("ReviewerReport"))},
            {QStringLiteral("recommendations"), ref(QStringLiteral("RecommendationReport"))},
            {QStringLiteral("previous"),
                object({{QStringLiteral("quarter"), type(s)}, {QStringLiteral("by_category"), approvalReport}})}}));

    schemas.insert(QStringLiteral("SpotCheck"),
        object({{QStringLiteral("id"), type(s, QStringLiteral("the action's id"))}, {QStringLiteral("type"), type(s)},
            {QStringLiteral("category"), type(s)}, {QStringLiteral("agent"), type(s)},
            {QStringLiteral("title"), type(s)}, {QStringLiteral("confidence"), type(number)},
            {QStringLiteral("tier_reason"), type(s)}, {QStringLiteral("sampled_at"), nullable(s, time)},
            {QStringLiteral("source"), enumOf({QStringLiteral("auto"), QStringLiteral("review")})},
            {QStringLiteral("approved_by"), type(s, QStringLiteral("the reviewer, or policy"))},
            {QStringLiteral("state"), enumOf({QStringLiteral("open"), QStringLiteral("done")})},
            {QStringLiteral("verdict"),
                QJsonObject{{QStringLiteral("enum"),
                    QJsonArray{QStringLiteral("ok"), QStringLiteral("problem"), QJsonValue()}}}},
            {QStringLiteral("note"), type(s)}, {QStringLiteral("checked_by"), nullable(s)},
            {QStringLiteral("checked_at"), nullable(s, time)}}));
    schemas.insert(QStringLiteral("SpotCheckList"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("SpotCheck")))}}));
    schemas.insert(QStringLiteral("SpotCheckVerdict"),
        object({{QStringLiteral("verdict"), enumOf({QStringLiteral("ok"), QStringLiteral("problem")})},
                   {QStringLiteral("note"), type(s, QStringLiteral("required for a problem"))}},
            {QStringLiteral("verdict")}, true));

    schemas.insert(QStringLiteral("PolicyProposalRequest"),
        object({{QStringLiteral("recommendation_id"), type(s)},
                   {QStringLiteral("changes"), arrayOf(ref(QStringLiteral("PolicyChange")))},
                   {QStringLiteral("note"), type(s)}},
            {QStringLiteral("changes")}, true));
    schemas.insert(QStringLiteral("PolicyProposal"),
        object({{QStringLiteral("id"), type(s)}, {QStringLiteral("recommendation_id"), nullable(s)},
            {QStringLiteral("changes"), arrayOf(ref(QStringLiteral("PolicyChange")))},
            {QStringLiteral("note"), type(s)},
            {QStringLiteral("state"),
                enumOf({QStringLiteral("draft"), QStringLiteral("applied"), QStringLiteral("rejected")})},
            {QStringLiteral("created_by"), type(s)}, {QStringLiteral("created_at"), nullable(s, time)},
            {QStringLiteral("decided_by"), nullable(s)}, {QStringLiteral("decided_at"), nullable(s, time)},
            {QStringLiteral("reason"), nullable(s)},
            {QStringLiteral("policy_version"), nullable(integer, QStringLiteral("the version applying it created"))}}));
    schemas.insert(QStringLiteral("PolicyProposalList"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("PolicyProposal")))}}));
    schemas.insert(QStringLiteral("ProposalRejection"),
        object({{QStringLiteral("reason"), type(s)}}, {QStringLiteral("reason")}, true));
}

} // namespace Countersign
