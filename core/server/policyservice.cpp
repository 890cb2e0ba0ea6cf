#include "policyservice.h"

#include "domain/clock.h"
#include "lifecycle/statemachine.h"
#include "logging.h"
#include "store/actionauditsummary.h"
#include "storeworker.h"

#include <QCryptographicHash>

namespace Countersign {

namespace {

constexpr int RetierPage = 1000;

QJsonObject versionSummary(const PolicyVersion &v)
{
    if (v.version == 0)
        return {};
    auto parsed = Policy::parse(v.document);
    return QJsonObject{{QStringLiteral("version"), v.version},
        {QStringLiteral("document_version"), parsed ? parsed->version() : 0},
        {QStringLiteral("sha256"),
            QString::fromLatin1(QCryptographicHash::hash(v.document, QCryptographicHash::Sha256).toHex())}};
}

} // namespace

PolicyService::PolicyService(StoreWorker *worker, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_clock(clock)
{ }

Result<PolicyVersion> PolicyService::saveAudited(Store &store, const QByteArray &document, const Identity &actor,
    const PolicyVersion &previous, const QDateTime &now)
{
    auto saved = store.savePolicyVersion(document, actor.name);
    if (!saved)
        return fail(saved.error());
    AuditEntry entry;
    entry.time = now;
    entry.actor = actor.name;
    entry.role = roleName(actor.role);
    entry.kind = QStringLiteral("policy.updated");
    entry.subject = QStringLiteral("policy v%1").arg(saved->version);
    const QJsonObject before = versionSummary(previous);
    entry.before = before.isEmpty() ? QJsonValue() : QJsonValue(before);
    entry.after = versionSummary(*saved);
    if (auto audited = store.appendAudit(entry); !audited)
        return fail(audited.error());
    return saved;
}

Result<QList<ActionChange>> PolicyService::retierChanges(Store &store, const Policy &policy, const QDateTime &now)
{
    QList<ActionChange> changes;
    ActionQuery query;
    query.state = ActionState::Pending;
    query.limit = RetierPage;
    for (;;) {
        auto page = store.actions(query);
        if (!page)
            return fail(page.error());
        for (const Action &a : std::as_const(page->items)) {
            const PolicyEvaluation e = policy.evaluate(ActionFacts{a.type, a.category, a.confidence, a.context});
            if (!isStricter(e.tier, a.tier))
                continue;
            auto next = StateMachine::retier(a, e.tier, e.reason, now);
            if (!next)
                continue;
            const bool settled = next->state != ActionState::Pending;
            changes.append(ActionChange{*next, a.version,
                settled ? QStringLiteral("action.decided") : QStringLiteral("action.retiered"),
                QLatin1String(StateMachine::PolicyActor), QStringLiteral("system"), actionAuditSummary(a), a});
        }
        if (page->nextCursor.isEmpty())
            break;
        query.cursor = page->nextCursor;
    }
    return changes;
}

Result<void> PolicyService::initialize(const QByteArray &configured)
{
    auto stored = m_worker->call<std::optional<PolicyVersion>>([](Store &store) {
        return store.currentPolicy();
    });
    if (!stored)
        return fail(stored.error());
    const bool haveStored = stored->has_value();
    QByteArray wanted = configured;
    if (wanted.isEmpty())
        wanted = haveStored ? (*stored)->document : PolicyEngine::demoPolicy();
    auto policy = Policy::parse(wanted);
    if (!policy)
        return fail(policy.error());

    if (haveStored && (*stored)->document == wanted) {
        m_current = **stored;
    } else {
        const PolicyVersion previous = haveStored ? **stored : PolicyVersion();
        const QDateTime now = m_clock->now();
        const Identity server{QStringLiteral("server"), Role::Admin};
        auto saved = m_worker->call<PolicyVersion>([wanted, server, previous, now](Store &store) {
            return saveAudited(store, wanted, server, previous, now);
        });
        if (!saved)
            return fail(saved.error());
        m_current = *saved;
        // Actions queued under the previous policy move toward stricter only.
        const Policy p = *policy;
        auto retiered = m_worker->call<int>([p, now](Store &store) -> Result<int> {
            auto changes = retierChanges(store, p, now);
            if (!changes)
                return fail(changes.error());
            if (changes->isEmpty())
                return 0;
            const auto results = store.commit(*changes);
            return int(std::count_if(results.begin(), results.end(), [](const auto &r) {
                return r.has_value();
            }));
        });
        // Pending actions left under a looser tier than the policy in force would break "rules
        // only make stricter": refuse to start rather than serve them.
        if (!retiered)
            return fail(Error{retiered.error().code,
                QStringLiteral("the policy is stored but pending actions could not be re-tiered under it: %1")
                    .arg(retiered.error().message),
                {}});
        if (*retiered > 0)
            qCInfo(lcServer) << "policy change made" << *retiered << "pending action(s) stricter";
    }
    m_engine.setPolicy(*policy);
    qCInfo(lcServer) << "policy version" << m_current.version << "in force";
    return {};
}

void PolicyService::update(const QByteArray &document, const Identity &actor, std::function<void(Result<Update>)> done)
{
    auto policy = Policy::parse(document);
    if (!policy) {
        done(fail(policy.error()));
        return;
    }
    const QDateTime now = m_clock->now();
    auto outcome = std::make_shared<Result<Update>>(fail(Error::internal(QStringLiteral("not run"))));
    const PolicyVersion previous = m_current;
    const Policy p = *policy;
    StoreTask task;
    task.context = this;
    task.plan = [this, outcome, document, actor, previous, p, now](Store &store) -> QList<ActionChange> {
        auto saved = saveAudited(store, document, actor, previous, now);
        if (!saved) {
            *outcome = fail(saved.error());
            return {};
        }
        *outcome = Update{*saved, 0};
        // The engine is safe to swap from here; doing it before the re-tier pass leaves the
        // smallest window for a submit to be placed by the old policy.
        m_engine.setPolicy(p);
        auto changes = retierChanges(store, p, now);
        if (!changes) {
            qCWarning(lcServer) << "policy stored but pending actions not re-tiered:" << changes.error().toString();
            return {};
        }
        return *changes;
    };
    task.committed = [outcome](const QList<Result<CommitResult>> &results) {
        if (*outcome)
            (*outcome)->retiered = int(std::count_if(results.begin(), results.end(), [](const auto &r) {
                return r.has_value();
            }));
        return false;
    };
    task.deliver = [this, outcome, done = std::move(done)] {
        if (*outcome) {
            m_current = (*outcome)->version;
            qCInfo(lcServer) << "policy version" << m_current.version << "in force;" << (*outcome)->retiered
                             << "pending action(s) made stricter";
        }
        done(std::move(*outcome));
    };
    m_worker->post(std::move(task));
}

} // namespace Countersign
