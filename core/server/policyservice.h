#pragma once

#include "policy/policyengine.h"
#include "role.h"
#include "store/policyversion.h"

#include <QObject>

#include <functional>

namespace Countersign {

class Clock;
class Store;
class StoreWorker;
struct ActionChange;

// The policy in force and its history. Every accepted document is stored as a new version and
// audited; the engine is swapped only after that. A change re-tiers pending actions, and only
// ever toward stricter (a pending action that becomes prohibited is rejected by policy).
class PolicyService : public QObject
{
    Q_OBJECT
public:
    struct Update {
        PolicyVersion version;
        int retiered = 0;
    };

    PolicyService(StoreWorker *worker, const Clock *clock, QObject *parent = nullptr);

    // At start-up, on the calling thread (waits for the store): `configured` (from --policy)
    // becomes a new version if it differs from the stored one; without it the stored policy stays,
    // and a new store starts with the demo policy.
    Result<void> initialize(const QByteArray &configured);

    const PolicyEngine &engine() const { return m_engine; }
    PolicyVersion current() const { return m_current; }

    // Validates (400 naming the JSON path), stores, audits, swaps, re-tiers; `done` runs on
    // this object's thread.
    void update(const QByteArray &document, const Identity &actor, std::function<void(Result<Update>)> done);

    // The changes that bring pending actions up to `policy` (store thread).
    static Result<QList<ActionChange>> retierChanges(Store &store, const Policy &policy, const QDateTime &now);

private:
    static Result<PolicyVersion> saveAudited(Store &store, const QByteArray &document, const Identity &actor,
        const PolicyVersion &previous, const QDateTime &now);

    StoreWorker *m_worker;
    const Clock *m_clock;
    PolicyEngine m_engine;
    PolicyVersion m_current;
};

} // namespace Countersign
