#pragma once

#include "action.h"

#include <QList>

#include <optional>

namespace Countersign {

// Filter, order and page of a queue listing. Paging is keyset-based: `cursor` is the opaque
// `nextCursor` of the previous page, so pages stay stable while the queue changes.
struct ActionQuery {
    enum class Sort { Deadline, Age, Confidence };
    // Actions `snoozer` snoozed, live at `now`: listed with the rest, left out, or alone.
    enum class Snoozed { Include, Exclude, Only };

    std::optional<ActionState> state;
    QString category;
    QString type;
    QString agent; // only this agent's actions (agents see only their own)
    QString claimedBy; // only actions this reviewer holds
    Snoozed snoozed = Snoozed::Include;
    QString snoozer; // whose snoozes `snoozed` means (Exclude and Only need one)
    QDateTime now; // when a snooze counts as live (Exclude and Only need it)
    Sort sort = Sort::Age;
    int limit = 50; // 1..1000
    QString cursor;
};

struct ActionPage {
    QList<Action> items;
    QString nextCursor; // empty on the last page
};

} // namespace Countersign
