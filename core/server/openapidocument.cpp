#include "openapidocument.h"

#include "reportschemas.h"
#include "simulationschemas.h"
#include "webhookschemas.h"

#include "countersignversion.h"

#include "jsonschema.h"

#include <QJsonArray>

namespace Countersign {

namespace {

using namespace JsonSchema;

QString statusText(int status)
{
    switch (status) {
    case 101:
        return QStringLiteral("Switching Protocols: the WebSocket sends one Event per text message");
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 202:
        return QStringLiteral("Accepted: queued, done later");
    case 400:
        return QStringLiteral("Invalid request; error.field names the offending field");
    case 401:
        return QStringLiteral("Missing or unknown bearer token");
    case 403:
        return QStringLiteral("The token's role may not do this, or the policy forbids it (policy_violation)");
    case 404:
        return QStringLiteral("No such action (or another agent's)");
    case 408:
        return QStringLiteral("The request head or body did not arrive in time");
    case 409:
        return QStringLiteral("Conflict: already decided, stale version, claimed by another reviewer, reused key");
    case 411:
        return QStringLiteral("A chunked request body; send Content-Length");
    case 413:
        return QStringLiteral("Body larger than the server accepts");
    case 426:
        return QStringLiteral("Plain HTTP on a WebSocket endpoint");
    case 429:
        return QStringLiteral("Too many requests or connections from this token or address; see Retry-After");
    case 431:
        return QStringLiteral("Request head (request line and header fields) larger than the server accepts");
    case 503:
        return QStringLiteral("Not ready, storage unavailable or the server full of connections; see Retry-After");
    default:
        break;
    }
    return QStringLiteral("Error");
}

QJsonObject operation(const Route &route)
{
    QJsonObject op{{QStringLiteral("operationId"), route.operationId}, {QStringLiteral("summary"), route.summary},
        {QStringLiteral("x-countersign-access"), accessName(route.access)}};
    op.insert(QStringLiteral("security"),
        route.access == Access::Public ? QJsonArray()
                                       : QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}});

    QJsonArray parameters;
    if (const QString p = route.pathParameter(); !p.isEmpty())
        parameters.append(QJsonObject{{QStringLiteral("name"), p}, {QStringLiteral("in"), QStringLiteral("path")},
            {QStringLiteral("required"), true}, {QStringLiteral("schema"), type(QStringLiteral("string"))}});
    for (const RouteParameter &q : route.query)
        parameters.append(QJsonObject{{QStringLiteral("name"), q.name}, {QStringLiteral("in"), QStringLiteral("query")},
            {QStringLiteral("required"), q.required}, {QStringLiteral("description"), q.description},
            {QStringLiteral("schema"), type(q.type)}});
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);

    if (!route.requestSchema.isEmpty())
        op.insert(QStringLiteral("requestBody"),
            QJsonObject{{QStringLiteral("required"), route.requestSchema != QLatin1String("ClaimRequest")},
                {QStringLiteral("content"),
                    QJsonObject{{QStringLiteral("application/json"),
                        QJsonObject{{QStringLiteral("schema"), ref(route.requestSchema)}}}}}});

    QJsonObject responses;
    QJsonObject success{{QStringLiteral("description"), statusText(route.successStatus)}};
    if (route.successStatus != 101 && !route.responseSchema.isEmpty()) {
        const QString mime = route.responseSchema == QLatin1String("PrometheusText") ? QStringLiteral("text/plain")
            : route.responseSchema == QLatin1String("OpenLinkPage")                  ? QStringLiteral("text/html")
                                                                    : QStringLiteral("application/json");
        success.insert(QStringLiteral("content"),
            QJsonObject{{mime, QJsonObject{{QStringLiteral("schema"), ref(route.responseSchema)}}}});
    } else if (route.successStatus == 101) {
        success.insert(QStringLiteral("x-websocket-message"), ref(route.responseSchema));
    }
    responses.insert(QString::number(route.successStatus), success);
    if (route.webSocket)
        responses.insert(QStringLiteral("101"),
            QJsonObject{{QStringLiteral("description"), statusText(101)},
                {QStringLiteral("x-websocket-message"), ref(QStringLiteral("Event"))}});
    // The connection layer answers before any route: malformed framing (400), slow clients
    // (408), a body without a length (411) or too large (413), an oversized head (431), a token
    // or an address over its share (429), a full or unready server (503).
    QList<int> errors = route.errorStatuses;
    if (route.access != Access::Public)
        errors << 401 << 403;
    errors << 400 << 408 << 411 << 413 << 429 << 431 << 503;
    for (int status : std::as_const(errors)) {
        responses.insert(QString::number(status),
            QJsonObject{{QStringLiteral("description"), statusText(status)},
                {QStringLiteral("content"),
                    QJsonObject{{QStringLiteral("application/json"),
                        QJsonObject{{QStringLiteral("schema"), ref(QStringLiteral("Error"))}}}}}});
    }
    op.insert(QStringLiteral("responses"), responses);
    return op;
}

} // namespace

QJsonObject OpenApiDocument::build(const QList<Route> &routes)
{
    QJsonObject paths;
    for (const Route &r : routes) {
        QJsonObject item = paths.value(r.path).toObject();
        item.insert(r.methodName(), operation(r));
        paths.insert(r.path, item);
    }
    return QJsonObject{{QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("info"),
            QJsonObject{{QStringLiteral("title"), QStringLiteral("Countersign queue server")},
                {QStringLiteral("version"), QStringLiteral(COUNTERSIGN_VERSION)},
                {QStringLiteral("description"),
                    QStringLiteral("Agents submit proposed actions; the policy tiers them; reviewers countersign. "
                                   "Errors are {\"error\":{\"code\",\"message\",\"field\"}}.")}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
            QJsonObject{{QStringLiteral("securitySchemes"),
                            QJsonObject{{QStringLiteral("bearer"),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                                    {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}},
                {QStringLiteral("schemas"), schemas()}}}};
}

QJsonObject OpenApiDocument::schemas()
{
    const QString s = QStringLiteral("string");
    const QString time = QStringLiteral("UTC ISO 8601 with milliseconds");
    const QJsonObject payload = object({{QStringLiteral("content"), type(s, QStringLiteral("what the agent proposes"))},
                                           {QStringLiteral("language"),
                                               type(s,
                                                   QStringLiteral("syntax hint; \"diff\": content is a unified diff "
                                                                  "(one or many files), no original needed"))},
                                           {QStringLiteral("original"),
                                               type(s,
                                                   QStringLiteral("for a change: the text content replaces, same "
                                                                  "language; empty for a new file. A modify edits "
                                                                  "content and keeps original"))}},
        {QStringLiteral("content")}, true);
    const QJsonObject states = enumOf({QStringLiteral("pending"), QStringLiteral("approved"),
        QStringLiteral("rejected"), QStringLiteral("expired"), QStringLiteral("withdrawn")});

    QJsonObject schemas;
    schemas.insert(QStringLiteral("Payload"), payload);
    schemas.insert(QStringLiteral("Error"),
        object({{QStringLiteral("error"),
                   object({{QStringLiteral("code"),
                               enumOf({QStringLiteral("invalid_argument"), QStringLiteral("unauthorized"),
                                   QStringLiteral("forbidden"), QStringLiteral("policy_violation"),
                                   QStringLiteral("not_found"), QStringLiteral("conflict"),
                                   QStringLiteral("payload_too_large"), QStringLiteral("rate_limited"),
                                   QStringLiteral("unavailable"), QStringLiteral("internal")})},
                              {QStringLiteral("message"), type(s)}, {QStringLiteral("field"), type(s)}},
                       {QStringLiteral("code"), QStringLiteral("message")})}},
            {QStringLiteral("error")}));
    schemas.insert(QStringLiteral("Action"),
        object(
            {{QStringLiteral("id"), type(s)}, {QStringLiteral("type"), type(s)}, {QStringLiteral("category"), type(s)},
                {QStringLiteral("title"), type(s)}, {QStringLiteral("payload"), ref(QStringLiteral("Payload"))},
                {QStringLiteral("reasoning"), type(s)}, {QStringLiteral("context"), type(QStringLiteral("object"))},
                {QStringLiteral("confidence"), type(QStringLiteral("number"))}, {QStringLiteral("agent"), type(s)},
                {QStringLiteral("created_at"), nullable(s, time)},
                {QStringLiteral("deadline"), nullable(s, QStringLiteral("the SLA: escalated when passed"))},
                {QStringLiteral("expires_at"),
                    nullable(s, QStringLiteral("the category's default outcome applies then"))},
                {QStringLiteral("tier"),
                    enumOf({QStringLiteral("auto"), QStringLiteral("review"), QStringLiteral("prohibited")})},
                {QStringLiteral("tier_reason"), type(s)},
                {QStringLiteral("unassigned"), type(QStringLiteral("boolean"))},
                {QStringLiteral("category_hint"),
                    type(s, QStringLiteral("the category the agent sent for an unassigned type (absent otherwise)"))},
                {QStringLiteral("state"), states}, {QStringLiteral("modified"), type(QStringLiteral("boolean"))},
                {QStringLiteral("final_payload"),
                    QJsonObject{{QStringLiteral("oneOf"),
                                    QJsonArray{ref(QStringLiteral("Payload")), type(QStringLiteral("null"))}},
                        {QStringLiteral("description"),
                            QStringLiteral("what may run, once approved (the reviewer's edit)")}}},
                {QStringLiteral("reason"), type(s)},
                {QStringLiteral("decided_by"), type(s, QStringLiteral("a reviewer, \"policy\" or \"expiry\""))},
                {QStringLiteral("decided_at"), nullable(s, time)}, {QStringLiteral("claimed_by"), nullable(s)},
                {QStringLiteral("claimed_at"), nullable(s, time)},
                {QStringLiteral("lease_expires_at"), nullable(s, time)}, {QStringLiteral("assigned_to"), nullable(s)},
                {QStringLiteral("escalated"), type(QStringLiteral("boolean"))},
                {QStringLiteral("escalated_at"), nullable(s, time)},
                {QStringLiteral("trace_url"),
                    nullable(s, QStringLiteral("the agent's run or conversation (http/https)"))},
                {QStringLiteral("snoozed_by"),
                    nullable(s, QStringLiteral("the reviewer who set it aside (live while snoozed_until is ahead)"))},
                {QStringLiteral("snoozed_until"), nullable(s, time)}, {QStringLiteral("idempotency_key"), nullable(s)},
                {QStringLiteral("version"), type(QStringLiteral("integer"))}},
            {QStringLiteral("id"), QStringLiteral("state"), QStringLiteral("version")}));
    schemas.insert(QStringLiteral("SubmitRequest"),
        object({{QStringLiteral("type"), type(s, QStringLiteral("e.g. email.send_external"))},
                   {QStringLiteral("title"), type(s)}, {QStringLiteral("payload"), ref(QStringLiteral("Payload"))},
                   {QStringLiteral("reasoning"), type(s)}, {QStringLiteral("context"), type(QStringLiteral("object"))},
                   {QStringLiteral("confidence"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("minimum"), 0},
                           {QStringLiteral("maximum"), 1}}},
                   {QStringLiteral("category"),
                       type(s, QStringLiteral("a hint, used for types the policy does not name"))},
                   {QStringLiteral("idempotency_key"), type(s)},
                   {QStringLiteral("trace_url"),
                       type(s,
                           QStringLiteral("the agent's run or conversation: an http(s) URL, at most 2048 characters"))},
                   {QStringLiteral("expires_in_s"),
                       type(QStringLiteral("integer"), QStringLiteral("may shorten the category's expiry"))}},
            {QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("payload")}, true));
    schemas.insert(QStringLiteral("DecisionRequest"),
        object({{QStringLiteral("outcome"),
                    enumOf({QStringLiteral("approve"), QStringLiteral("modify"), QStringLiteral("reject")})},
                   {QStringLiteral("payload"), ref(QStringLiteral("Payload"))},
                   {QStringLiteral("reason"), type(s, QStringLiteral("required to reject; sent to the agent"))},
                   {QStringLiteral("version"),
                       type(QStringLiteral("integer"), QStringLiteral("refuse if the action moved on"))}},
            {QStringLiteral("outcome")}, true));
    schemas.insert(QStringLiteral("ClaimRequest"),
        object({{QStringLiteral("lease_s"), type(QStringLiteral("integer"), QStringLiteral("10..86400"))}}, {}, true));
    schemas.insert(QStringLiteral("SnoozeRequest"),
        object({{QStringLiteral("until"),
                    type(s, QStringLiteral("RFC 3339 time with a zone; ahead, within 7 days, not after expires_at"))},
                   {QStringLiteral("minutes"),
                       type(QStringLiteral("integer"), QStringLiteral("1..10080, instead of until"))}},
            {}, true));
    schemas.insert(QStringLiteral("ReassignRequest"),
        object({{QStringLiteral("reviewer"), type(s)}}, {QStringLiteral("reviewer")}, true));
    schemas.insert(QStringLiteral("BatchRequest"),
        object({{QStringLiteral("ids"), arrayOf(type(s))},
                   {QStringLiteral("outcome"), enumOf({QStringLiteral("approve"), QStringLiteral("reject")})},
                   {QStringLiteral("reason"), type(s)}},
            {QStringLiteral("ids"), QStringLiteral("outcome")}, true));
    schemas.insert(QStringLiteral("BatchResult"),
        object({{QStringLiteral("category"), type(s)},
            {QStringLiteral("results"),
                arrayOf(
                    object({{QStringLiteral("id"), type(s)}, {QStringLiteral("ok"), type(QStringLiteral("boolean"))},
                        {QStringLiteral("action"), ref(QStringLiteral("Action"))},
                        {QStringLiteral("status"), type(QStringLiteral("integer"))},
                        {QStringLiteral("error"), type(QStringLiteral("object"))}}))},
            {QStringLiteral("succeeded"), type(QStringLiteral("integer"))},
            {QStringLiteral("failed"), type(QStringLiteral("integer"))}}));
    schemas.insert(QStringLiteral("ActionPage"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("Action")))},
            {QStringLiteral("next_cursor"), nullable(s, QStringLiteral("null on the last page"))}}));
    schemas.insert(QStringLiteral("PolicyDocument"),
        object({{QStringLiteral("version"), type(QStringLiteral("integer"))},
            {QStringLiteral("categories"), type(QStringLiteral("object"))},
            {QStringLiteral("action_types"), type(QStringLiteral("object"))},
            {QStringLiteral("prohibitions"), type(QStringLiteral("array"))},
            {QStringLiteral("rules"), type(QStringLiteral("array"))}}));
    const QJsonObject versionProps{{QStringLiteral("version"), type(QStringLiteral("integer"))},
        {QStringLiteral("created_at"), nullable(s, time)}, {QStringLiteral("actor"), type(s)}};
    QJsonObject withDocument = versionProps;
    withDocument.insert(QStringLiteral("document"), ref(QStringLiteral("PolicyDocument")));
    schemas.insert(QStringLiteral("PolicyVersion"), object(withDocument));
    schemas.insert(QStringLiteral("PolicyVersionList"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("PolicyVersion")))}}));
    QJsonObject update = versionProps;
    update.insert(
        QStringLiteral("retiered"), type(QStringLiteral("integer"), QStringLiteral("pending actions made stricter")));
    schemas.insert(QStringLiteral("PolicyUpdate"), object(update));
    schemas.insert(QStringLiteral("QueueStats"),
        object({{QStringLiteral("categories"),
                    arrayOf(object({{QStringLiteral("category"), type(s)},
                        {QStringLiteral("depth"), type(QStringLiteral("integer"))},
                        {QStringLiteral("oldest_age_s"), type(QStringLiteral("integer"))},
                        {QStringLiteral("sla_breaches"), type(QStringLiteral("integer"))},
                        {QStringLiteral("escalated"), type(QStringLiteral("integer"))}}))},
            {QStringLiteral("claimed_by_reviewer"), type(QStringLiteral("object"))},
            {QStringLiteral("total_depth"), type(QStringLiteral("integer"))},
            {QStringLiteral("oldest_age_s"), type(QStringLiteral("integer"))},
            {QStringLiteral("sla_breaches"), type(QStringLiteral("integer"))},
            {QStringLiteral("alerts"),
                object({{QStringLiteral("queue_depth"), type(QStringLiteral("boolean"))},
                    {QStringLiteral("oldest_age"), type(QStringLiteral("boolean"))}})},
            {QStringLiteral("thresholds"), type(QStringLiteral("object"))}}));
    schemas.insert(QStringLiteral("AuditEntry"),
        object({{QStringLiteral("seq"), type(QStringLiteral("integer"))}, {QStringLiteral("time"), type(s, time)},
            {QStringLiteral("actor"), type(s)}, {QStringLiteral("role"), type(s)}, {QStringLiteral("kind"), type(s)},
            {QStringLiteral("subject"), type(s)}, {QStringLiteral("before"), QJsonObject()},
            {QStringLiteral("after"), QJsonObject()}, {QStringLiteral("prev_hash"), type(s)},
            {QStringLiteral("hash"), type(s)}}));
    schemas.insert(QStringLiteral("AuditPage"),
        object({{QStringLiteral("items"), arrayOf(ref(QStringLiteral("AuditEntry")))},
            {QStringLiteral("next_after"), type(QStringLiteral("integer"))}}));
    schemas.insert(QStringLiteral("AuditVerification"),
        object({{QStringLiteral("ok"), type(QStringLiteral("boolean"))},
                   {QStringLiteral("entries"), type(QStringLiteral("integer"))},
                   {QStringLiteral("first_bad_seq"), type(QStringLiteral("integer"))},
                   {QStringLiteral("problem"), type(s)}},
            {QStringLiteral("ok"), QStringLiteral("entries")}));
    schemas.insert(QStringLiteral("Event"),
        object({{QStringLiteral("seq"), type(QStringLiteral("integer"))},
            {QStringLiteral("type"),
                enumOf({QStringLiteral("action.created"), QStringLiteral("action.claimed"),
                    QStringLiteral("action.released"), QStringLiteral("action.decided"),
                    QStringLiteral("action.expired"), QStringLiteral("action.escalated"),
                    QStringLiteral("action.withdrawn"), QStringLiteral("action.reassigned"),
                    QStringLiteral("action.retiered"), QStringLiteral("action.snoozed"),
                    QStringLiteral("action.unsnoozed")})},
            {QStringLiteral("action_id"), type(s)}, {QStringLiteral("time"), type(s, time)},
            {QStringLiteral("action"), ref(QStringLiteral("Action"))}}));
    schemas.insert(QStringLiteral("EventPage"),
        object({{QStringLiteral("events"), arrayOf(ref(QStringLiteral("Event")))},
            {QStringLiteral("last_seq"),
                type(QStringLiteral("integer"), QStringLiteral("the newest sequence number"))}}));
    schemas.insert(QStringLiteral("Me"),
        object({{QStringLiteral("name"), type(s)},
            {QStringLiteral("role"),
                enumOf({QStringLiteral("agent"), QStringLiteral("reviewer"), QStringLiteral("lead"),
                    QStringLiteral("admin")})}}));
    schemas.insert(QStringLiteral("Health"),
        object({{QStringLiteral("status"), type(s)},
            {QStringLiteral("version"), type(s, QStringLiteral("the server's version (on /healthz)"))}}));
    schemas.insert(QStringLiteral("TokenRequest"),
        object({{QStringLiteral("name"), type(s)},
                   {QStringLiteral("role"),
                       enumOf({QStringLiteral("agent"), QStringLiteral("reviewer"), QStringLiteral("lead"),
                           QStringLiteral("admin")})}},
            {QStringLiteral("name"), QStringLiteral("role")}, true));
    schemas.insert(QStringLiteral("IssuedToken"),
        object({{QStringLiteral("name"), type(s)}, {QStringLiteral("role"), type(s)},
            {QStringLiteral("token"), type(s, QStringLiteral("shown only here"))}}));
    schemas.insert(QStringLiteral("TokenList"),
        object({{QStringLiteral("items"),
            arrayOf(object({{QStringLiteral("name"), type(s)}, {QStringLiteral("role"), type(s)},
                {QStringLiteral("created_at"), nullable(s, time)},
                {QStringLiteral("revoked"), type(QStringLiteral("boolean"))}}))}}));
    schemas.insert(QStringLiteral("RevokedTokens"),
        object({{QStringLiteral("name"), type(s)}, {QStringLiteral("revoked"), type(QStringLiteral("integer"))}}));
    ReportSchemas::addTo(schemas);
    SimulationSchemas::addTo(schemas);
    WebhookSchemas::addTo(schemas);
    schemas.insert(QStringLiteral("OpenApiDocument"), type(QStringLiteral("object")));
    schemas.insert(
        QStringLiteral("PrometheusText"), type(s, QStringLiteral("Prometheus text exposition format 0.0.4")));
    schemas.insert(QStringLiteral("OpenLinkPage"),
        type(s, QStringLiteral("an HTML page with the countersign://open link; nothing of the action")));
    return schemas;
}

} // namespace Countersign
