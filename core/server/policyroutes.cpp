#include "policyroutes.h"

#include "domain/timeformat.h"
#include "jsonbody.h"
#include "policyservice.h"
#include "reply.h"
#include "router.h"
#include "servercontext.h"
#include "storereply.h"
#include "storeworker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace Countersign {

namespace {

QJsonObject versionJson(const PolicyVersion &v, bool withDocument)
{
    QJsonObject o{{QStringLiteral("version"), v.version}, {QStringLiteral("created_at"), timeToJson(v.createdAt)},
        {QStringLiteral("actor"), v.actor}};
    if (withDocument)
        o.insert(QStringLiteral("document"), QJsonDocument::fromJson(v.document).object());
    return o;
}

} // namespace

PolicyRoutes::PolicyRoutes(const ServerContext &context)
    : m(context)
{ }

void PolicyRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    // Reviewers and up: an agent that could read the thresholds could shape its proposals to
    // slip under them.
    router.add(Route{M::Get, QStringLiteral("/v1/policy"), Access::Reviewer, QStringLiteral("getPolicy"),
        QStringLiteral("The policy in force, with its version"), {}, {}, QStringLiteral("PolicyVersion"), 200, {},
        [this](const ApiRequest &r, Reply *reply) {
            get(r, reply);
        }});
    router.add(Route{M::Put, QStringLiteral("/v1/policy"), Access::Admin, QStringLiteral("putPolicy"),
        QStringLiteral("Replace the policy; pending actions are re-tiered toward stricter only"), {},
        QStringLiteral("PolicyDocument"), QStringLiteral("PolicyUpdate"), 200, {400, 413},
        [this](const ApiRequest &r, Reply *reply) {
            put(r, reply);
        }});
    router.add(Route{M::Get, QStringLiteral("/v1/policy/versions"), Access::Reviewer,
        QStringLiteral("listPolicyVersions"), QStringLiteral("Every stored policy version, newest first"), {}, {},
        QStringLiteral("PolicyVersionList"), 200, {}, [this](const ApiRequest &r, Reply *reply) {
            versions(r, reply);
        }});
}

void PolicyRoutes::get(const ApiRequest &, Reply *reply)
{
    reply->sendJson(Reply::Status::Ok, versionJson(m.policy->current(), true));
}

void PolicyRoutes::put(const ApiRequest &request, Reply *reply)
{
    // The policy parser names the JSON path of what is wrong; the body is checked for UTF-8
    // and shape first so that message is about the policy, not the transport.
    auto body = JsonBody::parseObject(request.body);
    if (!body) {
        reply->sendError(body.error());
        return;
    }
    QPointer<Reply> guard(reply);
    m.policy->update(request.body, request.identity, [guard](Result<PolicyService::Update> update) {
        if (!guard)
            return;
        if (!update) {
            guard->sendError(update.error());
            return;
        }
        QJsonObject o = versionJson(update->version, false);
        o.insert(QStringLiteral("retiered"), update->retiered);
        guard->sendJson(Reply::Status::Ok, o);
    });
}

void PolicyRoutes::versions(const ApiRequest &, Reply *reply)
{
    answerRead<QList<PolicyVersion>>(
        m.worker, reply,
        [](PolicyStore &policies) {
            return policies.policyVersions();
        },
        [](QList<PolicyVersion> sorted) {
            std::sort(sorted.begin(), sorted.end(), [](const PolicyVersion &a, const PolicyVersion &b) {
                return a.version > b.version;
            });
            QJsonArray items;
            for (const PolicyVersion &v : std::as_const(sorted))
                items.append(versionJson(v, true));
            return QJsonObject{{QStringLiteral("items"), items}};
        });
}

} // namespace Countersign
