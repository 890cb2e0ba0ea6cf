#pragma once

#include <QString>

namespace Countersign {

// What the queue's filter bar asks for. Empty fields match everything.
struct QueueFilter {
    QString text; // in title, type, agent, category, or an id prefix; case-insensitive
    QString category;
    QString type;
    bool mineOnly = false; // claimed by or assigned to `me`
    QString me;
    bool escalatedOnly = false;
    // The items `me` snoozed (live) instead of the queue, which leaves them out.
    bool snoozedOnly = false;

    friend bool operator==(const QueueFilter &, const QueueFilter &) = default;
};

} // namespace Countersign
