#pragma once

#include "domain/error.h"
#include "store/actionchange.h"

#include <QDateTime>
#include <QList>

namespace Countersign {

class Policy;
class Store;
struct SpotCheck;

// About 90 days of decision history for `countersign-server --demo`, so a first run shows a real
// quarter in the reports: four reviewers of different speed and care, a review type that earns
// promotion (email.send_external), one that deteriorates and must be tightened
// (code.merge_patch), an auto type whose spot checks find problems (db.query), a bottleneck week
// with SLA breaches, and two new types the policy does not name (calendar.invite,
// crm.update_contact) whose agents send category hints.
//
// Deterministic: the same seed, policy and `now` give the same actions, ids included. Every change
// goes through the StateMachine and is committed in one Store::commit (one transaction); the audit
// entries carry the role "demo" and a closing "demo.history_seeded" entry says what was seeded.
class DemoHistory
{
public:
    static constexpr quint32 DefaultSeed = 19;
    static constexpr int DefaultDays = 90;

    struct Plan {
        QList<ActionChange> changes; // inserts and transitions, in time order per action
        int actions = 0;
    };

    // The history of the `days` whole UTC days before the day of `now`.
    static Plan plan(const Policy &policy, const QDateTime &now, quint32 seed = DefaultSeed, int days = DefaultDays);

    // The verdict the demo's reviewers gave a sampled approval (none: still open), with its
    // note and reviewer set; `now` bounds the checks to the past.
    static std::optional<SpotCheck> verdictFor(const SpotCheck &open, const QDateTime &now, quint32 seed);

    // Seeds `store` once: only when it holds no action yet (a fresh database); otherwise returns 0.
    // Commits the plan, gives the sampled spot checks their verdicts and appends the audit mark.
    // Returns the number of actions seeded. Store thread only.
    static Result<int> seedOnce(
        Store &store, const Policy &policy, const QDateTime &now, quint32 seed = DefaultSeed, int days = DefaultDays);
};

} // namespace Countersign
