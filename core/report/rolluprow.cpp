#include "rolluprow.h"

#include "lifecycle/statemachine.h"

#include <QTimeZone>

namespace Countersign {

namespace {

QDate utcDay(const QDateTime &t)
{
    return t.toTimeZone(QTimeZone::UTC).date();
}

// Adds the outcome of an action that just became terminal.
void countOutcome(const Action *before, const Action &after, RollupCounts &c)
{
    const bool byPolicy = after.decidedBy == QLatin1String(StateMachine::PolicyActor);
    const bool byExpiry = after.decidedBy == QLatin1String(StateMachine::ExpiryActor);
    bool queued = false; // it waited in the review queue until now
    if (after.state == ActionState::Withdrawn) {
        ++c.withdrawn;
    } else if (byPolicy) {
        if (after.state == ActionState::Approved)
            ++c.autoApproved;
        else
            ++c.prohibited;
    } else if (byExpiry) {
        ++c.expired;
        queued = true;
    } else if (after.state == ActionState::Approved) {
        ++(after.modified ? c.modified : c.approved);
        queued = true;
    } else if (after.state == ActionState::Rejected) {
        ++c.rejected;
        queued = true;
    } else {
        ++c.expired;
        queued = true;
    }
    if (!queued || !after.decidedAt.isValid())
        return;
    if (after.slaDueAt.isValid() && after.decidedAt > after.slaDueAt)
        ++c.slaBreaches;
    ++c.queueTime[std::size_t(DurationHistogram::bucketOf(after.createdAt.msecsTo(after.decidedAt)))];
    // The claim is cleared by the decision, so it is read from the action as it was.
    if (!byExpiry && before && before->claimedAt.isValid() && before->claimedBy == after.decidedBy)
        ++c.decideTime[std::size_t(DurationHistogram::bucketOf(before->claimedAt.msecsTo(after.decidedAt)))];
}

} // namespace

std::optional<RollupRow> RollupRow::forChange(const Action *before, const Action &after)
{
    RollupRow row;
    row.category = after.category;
    row.type = after.type;
    row.agent = after.agent;
    row.tier = after.tier;
    const bool becameTerminal = isTerminal(after.state) && (!before || !isTerminal(before->state));
    if (!before) {
        row.day = utcDay(after.createdAt);
        row.counts.submitted = 1;
        if (becameTerminal) {
            // Settled at submission (auto-approved or prohibited): the same day, no reviewer.
            countOutcome(before, after, row.counts);
        }
        return row;
    }
    if (becameTerminal) {
        row.day = utcDay(after.decidedAt.isValid() ? after.decidedAt : after.createdAt);
        const bool reviewerDecision = after.decidedBy != QLatin1String(StateMachine::PolicyActor)
            && after.decidedBy != QLatin1String(StateMachine::ExpiryActor) && after.state != ActionState::Withdrawn;
        if (reviewerDecision)
            row.reviewer = after.decidedBy;
        countOutcome(before, after, row.counts);
        return row;
    }
    if (after.escalated && !before->escalated) {
        row.day = utcDay(after.escalatedAt.isValid() ? after.escalatedAt : after.slaDueAt);
        row.counts.escalations = 1;
        return row;
    }
    return std::nullopt;
}

} // namespace Countersign
