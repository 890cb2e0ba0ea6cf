#include "proposalroutes.h"

#include "domain/clock.h"
#include "jsonbody.h"
#include "policyservice.h"
#include "queryparameters.h"
#include "reply.h"
#include "report/policyproposal.h"
#include "router.h"
#include "servercontext.h"
#include "storeworker.h"

#include <QJsonArray>
#include <QPointer>
#include <QUuid>

namespace Countersign {

namespace {

constexpr qsizetype MaxText = 4000;
constexpr qsizetype MaxChanges = 100;

QJsonObject auditSummary(const PolicyProposal &p)
{
    QJsonArray changes;
    for (const PolicyChange &c : p.changes)
        changes.append(c.toJson());
    QJsonObject o{{QStringLiteral("state"), proposalStateName(p.state)}, {QStringLiteral("changes"), changes}};
    if (!p.recommendationId.isEmpty())
        o.insert(QStringLiteral("recommendation_id"), p.recommendationId);
    if (!p.reason.isEmpty())
        o.insert(QStringLiteral("reason"), p.reason);
    if (p.policyVersion > 0)
        o.insert(QStringLiteral("policy_version"), p.policyVersion);
    return o;
}

Result<QList<PolicyChange>> parseChanges(const QJsonObject &body)
{
    const QJsonValue value = body.value(QLatin1String("changes"));
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(Error::invalid(QStringLiteral("changes"), QStringLiteral("must be a non-empty array")));
    const QJsonArray items = value.toArray();
    if (items.size() > MaxChanges)
        return fail(
            Error::invalid(QStringLiteral("changes"), QStringLiteral("may hold at most %1 changes").arg(MaxChanges)));
    QList<PolicyChange> changes;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("changes[%1]").arg(i);
        if (!items.at(i).isObject())
            return fail(Error::invalid(path, QStringLiteral("must be an object")));
        auto change = PolicyChange::fromJson(items.at(i).toObject());
        if (!change)
            return fail(Error::invalid(path + u'.' + change.error().field, change.error().message));
        for (const PolicyChange &earlier : std::as_const(changes)) {
            if (earlier.type == change->type)
                return fail(Error::invalid(path + QStringLiteral(".type"),
                    QStringLiteral("%1 is already changed by an earlier entry").arg(change->type)));
        }
        changes.append(*change);
    }
    return changes;
}

// The policy in force with the proposal's changes, checked by the policy parser; errors name
// the proposal's field ("changes") with the parser's message.
Result<QByteArray> proposedDocument(const Policy &policy, const QList<PolicyChange> &changes)
{
    auto document = PolicyChange::applyAll(policy.document(), changes, policy.unassignedCategory());
    if (!document)
        return document;
    if (auto parsed = Policy::parse(*document); !parsed)
        return fail(Error::invalid(
            QStringLiteral("changes"), QStringLiteral("the policy would not load: %1").arg(parsed.error().toString())));
    return document;
}

} // namespace

ProposalRoutes::ProposalRoutes(const ServerContext &context)
    : m(context)
{ }

void ProposalRoutes::addTo(Router &router)
{
    using M = QHttpServerRequest::Method;
    router.add(
        Route{M::Post, QStringLiteral("/v1/policy/proposals"), Access::Lead, QStringLiteral("createPolicyProposal"),
            QStringLiteral("Draft a change of action type tiers for an admin to apply (audited)"), {},
            QStringLiteral("PolicyProposalRequest"), QStringLiteral("PolicyProposal"), 201, {400},
            [this](const ApiRequest &r, Reply *reply) {
                create(r, reply);
            }});
    router.add(Route{M::Get, QStringLiteral("/v1/policy/proposals"), Access::Lead,
        QStringLiteral("listPolicyProposals"), QStringLiteral("Policy proposals, newest first"),
        {RouteParameter{
            QStringLiteral("limit"), QStringLiteral("integer"), QStringLiteral("1..1000, default 100"), false}},
        {}, QStringLiteral("PolicyProposalList"), 200, {400}, [this](const ApiRequest &r, Reply *reply) {
            list(r, reply);
        }});
    router.add(Route{M::Post, QStringLiteral("/v1/policy/proposals/{id}/apply"), Access::Admin,
        QStringLiteral("applyPolicyProposal"),
        QStringLiteral("Apply a draft: the policy in force with its tier changes becomes a new version"), {}, {},
        QStringLiteral("PolicyProposal"), 200, {400, 404, 409}, [this](const ApiRequest &r, Reply *reply) {
            apply(r, reply);
        }});
    router.add(Route{M::Post, QStringLiteral("/v1/policy/proposals/{id}/reject"), Access::Admin,
        QStringLiteral("rejectPolicyProposal"), QStringLiteral("Reject a draft with a reason"), {},
        QStringLiteral("ProposalRejection"), QStringLiteral("PolicyProposal"), 200, {400, 404, 409},
        [this](const ApiRequest &r, Reply *reply) {
            reject(r, reply);
        }});
}

void ProposalRoutes::create(const ApiRequest &request, Reply *reply)
{
    auto body = JsonBody::parseObject(request.body);
    if (!body) {
        reply->sendError(body.error());
        return;
    }
    if (auto ok = JsonBody::onlyFields(
            *body, {QStringLiteral("recommendation_id"), QStringLiteral("changes"), QStringLiteral("note")});
        !ok) {
        reply->sendError(ok.error());
        return;
    }
    auto recommendation = JsonBody::string(*body, QStringLiteral("recommendation_id"), JsonBody::Need::Optional, 300);
    if (!recommendation) {
        reply->sendError(recommendation.error());
        return;
    }
    auto note = JsonBody::string(*body, QStringLiteral("note"), JsonBody::Need::Optional, MaxText);
    if (!note) {
        reply->sendError(note.error());
        return;
    }
    auto changes = parseChanges(*body);
    if (!changes) {
        reply->sendError(changes.error());
        return;
    }
    // Checked now so a lead hears at once about a draft no admin could apply.
    if (auto document = proposedDocument(m.policy->engine().policy(), *changes); !document) {
        reply->sendError(document.error());
        return;
    }
    PolicyProposal p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.recommendationId = *recommendation;
    p.changes = *changes;
    p.note = *note;
    p.createdBy = request.identity.name;
    p.createdAt = m.clock->now();
    save(p, true, QStringLiteral("policy.proposal.created"), request.identity, reply);
}

void ProposalRoutes::list(const ApiRequest &request, Reply *reply)
{
    auto limit = QueryParameters::integer(request.query, QStringLiteral("limit"), 1, 1000, 100);
    if (!limit) {
        reply->sendError(limit.error());
        return;
    }
    QPointer<Reply> guard(reply);
    m.worker->read<QList<PolicyProposal>>(
        m.owner,
        [l = int(*limit)](Store &store) {
            return store.proposals(l);
        },
        [guard](Result<QList<PolicyProposal>> proposals) {
            if (!guard)
                return;
            if (!proposals) {
                guard->sendError(proposals.error());
                return;
            }
            QJsonArray items;
            for (const PolicyProposal &p : std::as_const(*proposals))
                items.append(p.toJson());
            guard->sendJson(Reply::Status::Ok, QJsonObject{{QStringLiteral("items"), items}});
        });
}

void ProposalRoutes::apply(const ApiRequest &request, Reply *reply)
{
    const Identity actor = request.identity;
    QPointer<Reply> guard(reply);
    m.worker->read<PolicyProposal>(
        m.owner,
        [id = request.pathArgument](Store &store) {
            return store.proposal(id);
        },
        [this, guard, actor](Result<PolicyProposal> found) {
            if (!guard)
                return;
            if (!found) {
                guard->sendError(found.error());
                return;
            }
            if (found->state != ProposalState::Draft) {
                guard->sendError(Error::conflict(
                    QStringLiteral("proposal %1 is already %2").arg(found->id, proposalStateName(found->state))));
                return;
            }
            auto document = proposedDocument(m.policy->engine().policy(), found->changes);
            if (!document) {
                guard->sendError(document.error());
                return;
            }
            const PolicyProposal draft = *found;
            m.policy->update(*document, actor, [this, guard, actor, draft](Result<PolicyService::Update> update) {
                if (!update) {
                    if (guard)
                        guard->sendError(update.error());
                    return;
                }
                PolicyProposal applied = draft;
                applied.state = ProposalState::Applied;
                applied.decidedBy = actor.name;
                applied.decidedAt = m.clock->now();
                applied.policyVersion = update->version.version;
                save(applied, false, QStringLiteral("policy.proposal.applied"), actor, guard);
            });
        });
}

void ProposalRoutes::reject(const ApiRequest &request, Reply *reply)
{
    auto body = JsonBody::parseObject(request.body);
    if (!body) {
        reply->sendError(body.error());
        return;
    }
    if (auto ok = JsonBody::onlyFields(*body, {QStringLiteral("reason")}); !ok) {
        reply->sendError(ok.error());
        return;
    }
    auto reason = JsonBody::string(*body, QStringLiteral("reason"), JsonBody::Need::Required, MaxText);
    if (!reason) {
        reply->sendError(reason.error());
        return;
    }
    const Identity actor = request.identity;
    QPointer<Reply> guard(reply);
    m.worker->read<PolicyProposal>(
        m.owner,
        [id = request.pathArgument](Store &store) {
            return store.proposal(id);
        },
        [this, guard, actor, why = *reason](Result<PolicyProposal> found) {
            if (!guard)
                return;
            if (!found) {
                guard->sendError(found.error());
                return;
            }
            PolicyProposal rejected = *found;
            rejected.state = ProposalState::Rejected;
            rejected.decidedBy = actor.name;
            rejected.decidedAt = m.clock->now();
            rejected.reason = why;
            // The store refuses the change unless the proposal is still a draft.
            save(rejected, false, QStringLiteral("policy.proposal.rejected"), actor, guard);
        });
}

void ProposalRoutes::save(
    const PolicyProposal &proposal, bool inserting, const QString &auditKind, const Identity &actor, Reply *reply)
{
    AuditEntry audit;
    audit.time = inserting ? proposal.createdAt : proposal.decidedAt;
    audit.actor = actor.name;
    audit.role = roleName(actor.role);
    audit.kind = auditKind;
    audit.subject = QStringLiteral("proposal ") + proposal.id;
    if (!inserting)
        audit.before = QJsonObject{{QStringLiteral("state"), proposalStateName(ProposalState::Draft)}};
    audit.after = auditSummary(proposal);
    QPointer<Reply> guard(reply);
    m.worker->read<PolicyProposal>(
        m.owner,
        [proposal, inserting, audit](Store &store) -> Result<PolicyProposal> {
            const auto expected = inserting ? std::nullopt : std::optional<ProposalState>(ProposalState::Draft);
            if (auto saved = store.saveProposal(proposal, expected, audit); !saved)
                return fail(saved.error());
            return proposal;
        },
        [guard, inserting](Result<PolicyProposal> saved) {
            if (!guard)
                return;
            if (!saved)
                guard->sendError(saved.error());
            else
                guard->sendJson(inserting ? Reply::Status::Created : Reply::Status::Ok, saved->toJson());
        });
}

} // namespace Countersign
