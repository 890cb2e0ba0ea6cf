#include "simulationroutes.h"

#include "domain/clock.h"
#include "domain/timeformat.h"
#include "jsonbody.h"
#include "logging.h"
#include "policyservice.h"
#include "reply.h"
#include "report/whatifsimulation.h"
#include "reportparameters.h"
#include "router.h"
#include "servercontext.h"
#include "storeworker.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace Countersign {

namespace {

constexpr qsizetype MaxChanges = 100;

// The window of the body's from / to, read like the report routes' parameters, by default the
// DefaultWindowDays up to the end of today.
Result<ReportEngine::Window> bodyWindow(const QJsonObject &body, const QDateTime &now)
{
    QUrlQuery query;
    for (const QString &key : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!body.contains(key))
            continue;
        if (!body.value(key).isString())
            return fail(Error::invalid(key, QStringLiteral("must be a UTC ISO 8601 time or date")));
        query.addQueryItem(key, body.value(key).toString());
    }
    if (!query.hasQueryItem(QStringLiteral("from"))) {
        // Without "from" the report window ends where ours does; only its start differs.
        auto end = ReportParameters::window(query, now);
        if (!end)
            return fail(end.error());
        query.addQueryItem(
            QStringLiteral("from"), end->endDay.addDays(-SimulationRoutes::DefaultWindowDays).toString(Qt::ISODate));
    }
    return ReportParameters::window(query, now);
}

// The policy to simulate, when the body gives a whole document. Errors name the field inside
// it ("policy.categories.finance.sla").
Result<Policy> bodyPolicy(const QJsonObject &body)
{
    if (!body.value(QLatin1String("policy")).isObject())
        return fail(Error::invalid(QStringLiteral("policy"), QStringLiteral("must be a policy document (an object)")));
    const QByteArray document = QJsonDocument(body.value(QLatin1String("policy")).toObject()).toJson();
    auto policy = Policy::parse(document);
    if (!policy) {
        const Error &e = policy.error();
        return fail(Error::invalid(
            e.field.isEmpty() ? QStringLiteral("policy") : QStringLiteral("policy.") + e.field, e.message));
    }
    return policy;
}

// The policy in force with tier changes (a stored proposal's or the body's), checked by the
// policy parser; errors name `field`.
Result<Policy> changedPolicy(const Policy &current, const QList<PolicyChange> &changes, const QString &field)
{
    auto document = PolicyChange::applyAll(current.document(), changes, current.unassignedCategory());
    if (!document)
        return fail(Error::invalid(field, document.error().message));
    auto parsed = Policy::parse(*document);
    if (!parsed)
        return fail(
            Error::invalid(field, QStringLiteral("the policy would not load: %1").arg(parsed.error().toString())));
    return parsed;
}

// The body's "changes": type tier changes not yet saved as a proposal (the draft dialog).
Result<QList<PolicyChange>> bodyChanges(const QJsonObject &body)
{
    const QJsonValue value = body.value(QLatin1String("changes"));
    if (!value.isArray() || value.toArray().isEmpty() || value.toArray().size() > MaxChanges)
        return fail(Error::invalid(
            QStringLiteral("changes"), QStringLiteral("must be an array of 1 to %1 changes").arg(MaxChanges)));
    QList<PolicyChange> changes;
    const QJsonArray items = value.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("changes[%1]").arg(i);
        if (!items.at(i).isObject())
            return fail(Error::invalid(path, QStringLiteral("must be an object")));
        auto change = PolicyChange::fromJson(items.at(i).toObject());
        if (!change)
            return fail(Error::invalid(path + QLatin1Char('.') + change.error().field, change.error().message));
        changes.append(*change);
    }
    return changes;
}

// One simulation between its store tasks. Touched only on the store thread (the tasks run one
// after another), except `next`'s end check, which the task itself makes.
struct SimulationRun {
    std::optional<WhatIfSimulation> simulation;
    ReportEngine::Window window;
    QString proposalId;
    QDateTime next; // where the next slice of the window starts
    QElapsedTimer timer;
};

// The first store task: resolve a stored proposal, audit the query, read the window's decide
// times from the rollup.
Result<std::shared_ptr<SimulationRun>> begin(Store &store, const Policy &current, std::optional<Policy> proposed,
    const QString &proposalId, const ReportEngine::Window &window, const AuditEntry &audit)
{
    if (!proposed) {
        auto stored = store.proposal(proposalId);
        if (!stored)
            return fail(stored.error());
        auto policy = changedPolicy(current, stored->changes, QStringLiteral("proposal"));
        if (!policy)
            return fail(policy.error());
        proposed = *policy;
    }
    if (auto logged = store.appendAudit(audit); !logged)
        return fail(logged.error());

    auto rows = store.rollups(window.firstDay, window.endDay, ReportGrouping::Category);
    if (!rows)
        return fail(rows.error());
    QHash<QString, double> medians;
    RollupCounts all;
    for (const RollupRow &row : std::as_const(*rows)) {
        all += row.counts;
        const double median = DurationHistogram::quantileSeconds(row.counts.decideTime, 0.5);
        if (median >= 0)
            medians.insert(row.category, median);
    }
    auto run = std::make_shared<SimulationRun>();
    run->simulation.emplace(current, *proposed);
    run->simulation->setMedianDecideSeconds(
        medians, qMax(0.0, DurationHistogram::quantileSeconds(all.decideTime, 0.5)));
    run->window = window;
    run->proposalId = proposalId;
    run->next = window.from;
    run->timer.start();
    return run;
}

// One day of the window per store task, so a long window does not hold the store thread: the
// writes and reads queued meanwhile run between two days. Stops when the caller has gone.
void continueRun(const ServerContext *m, std::shared_ptr<SimulationRun> run, QPointer<Reply> guard)
{
    m->worker->read<std::optional<SimulationReport>>(
        m->owner,
        [run](Store &store) -> Result<std::optional<SimulationReport>> {
            const QDateTime end = qMin(run->next.addDays(1), run->window.to);
            if (auto streamed = store.pastActions(run->next, end,
                    [&run](const PastAction &a) {
                        run->simulation->add(a);
                    });
                !streamed)
                return fail(streamed.error());
            run->next = end;
            if (end < run->window.to)
                return std::optional<SimulationReport>();
            SimulationReport report = run->simulation->report(run->window.from, run->window.to);
            report.proposalId = run->proposalId;
            return std::optional<SimulationReport>(std::move(report));
        },
        [m, run, guard](Result<std::optional<SimulationReport>> step) {
            if (!guard)
                return;
            if (!step) {
                guard->sendError(step.error());
                return;
            }
            if (!*step) {
                continueRun(m, run, guard);
                return;
            }
            qCInfo(lcServer) << "policy simulation of" << (*step)->total.actions << "actions took"
                             << run->timer.elapsed() << "ms";
            guard->sendJson(Reply::Status::Ok, (*step)->toJson());
        });
}

} // namespace

SimulationRoutes::SimulationRoutes(const ServerContext &context)
    : m(context)
{ }

void SimulationRoutes::addTo(Router &router)
{
    router.add(Route{QHttpServerRequest::Method::Post, QStringLiteral("/v1/policy/simulate"), Access::Lead,
        QStringLiteral("simulatePolicy"),
        QStringLiteral("Replay the window's actions under a proposed policy: tier moves, what reviewers did with "
                       "actions that would be auto-approved, reviewer time, prohibited approvals (audited query)"),
        {}, QStringLiteral("PolicySimulationRequest"), QStringLiteral("PolicySimulation"), 200, {400, 404},
        [this](const ApiRequest &r, Reply *reply) {
            simulate(r, reply);
        }});
}

void SimulationRoutes::simulate(const ApiRequest &request, Reply *reply)
{
    auto body = JsonBody::parseObject(request.body);
    if (!body) {
        reply->sendError(body.error());
        return;
    }
    if (auto ok = JsonBody::onlyFields(*body,
            {QStringLiteral("policy"), QStringLiteral("proposal"), QStringLiteral("changes"), QStringLiteral("from"),
                QStringLiteral("to")});
        !ok) {
        reply->sendError(ok.error());
        return;
    }
    const bool hasPolicy = body->contains(QLatin1String("policy"));
    const bool hasProposal = body->contains(QLatin1String("proposal"));
    const bool hasChanges = body->contains(QLatin1String("changes"));
    if (int(hasPolicy) + int(hasProposal) + int(hasChanges) != 1) {
        reply->sendError(
            Error::invalid(hasPolicy ? (hasProposal ? QStringLiteral("proposal") : QStringLiteral("changes"))
                                     : QStringLiteral("policy"),
                QStringLiteral("give one of a policy document, a proposal id or a list of changes")));
        return;
    }
    std::optional<Policy> proposed;
    QString proposalId;
    if (hasChanges) {
        auto changes = bodyChanges(*body);
        if (!changes) {
            reply->sendError(changes.error());
            return;
        }
        auto policy = changedPolicy(m.policy->engine().policy(), *changes, QStringLiteral("changes"));
        if (!policy) {
            reply->sendError(policy.error());
            return;
        }
        proposed = *policy;
    } else if (hasPolicy) {
        auto policy = bodyPolicy(*body);
        if (!policy) {
            reply->sendError(policy.error());
            return;
        }
        proposed = *policy;
    } else {
        auto id = JsonBody::string(*body, QStringLiteral("proposal"), JsonBody::Need::Required, 300);
        if (!id) {
            reply->sendError(id.error());
            return;
        }
        proposalId = *id;
    }
    const QDateTime now = m.clock->now();
    auto window = bodyWindow(*body, now);
    if (!window) {
        reply->sendError(window.error());
        return;
    }

    AuditEntry audit;
    audit.time = now;
    audit.actor = request.identity.name;
    audit.role = roleName(request.identity.role);
    audit.kind = QStringLiteral("policy.simulated");
    audit.subject
        = proposalId.isEmpty() ? QStringLiteral("policy simulation") : QStringLiteral("proposal ") + proposalId;
    audit.after
        = QJsonObject{{QStringLiteral("from"), toIsoUtc(window->from)}, {QStringLiteral("to"), toIsoUtc(window->to)},
            {QStringLiteral("proposed"),
                proposed ? QStringLiteral("document version %1").arg(proposed->version())
                         : QStringLiteral("proposal %1").arg(proposalId)}};

    const Policy current = m.policy->engine().policy();
    QPointer<Reply> guard(reply);
    m.worker->read<std::shared_ptr<SimulationRun>>(
        m.owner,
        [current, proposed, proposalId, w = *window, audit](Store &store) {
            return begin(store, current, proposed, proposalId, w, audit);
        },
        [this, guard](Result<std::shared_ptr<SimulationRun>> run) {
            if (!guard)
                return;
            if (!run)
                guard->sendError(run.error());
            else
                continueRun(&m, *run, guard);
        });
}

} // namespace Countersign
