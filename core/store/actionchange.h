#pragma once

#include "domain/action.h"

#include <QJsonObject>

#include <optional>

namespace Countersign {

// One state-machine transition to persist together with its event and audit entry.
struct ActionChange {
    Action after;
    qint64 expectedVersion = 0; // 0: insert a new action; otherwise the version it replaces
    QString event; // "action.created", "action.claimed", "action.decided", ...
    QString actor;
    QString role;
    QJsonObject auditBefore; // a summary of the previous state for the audit entry (may be empty)
    // The action the change was planned from, when the planner read it; the store then need not
    // read it again. A stale copy cannot be written: its version no longer matches.
    std::optional<Action> before;
};

struct CommitResult {
    Action action;
    qint64 eventSeq = 0;
    qint64 auditSeq = 0;
    QByteArray json; // `action` as compact JSON (Action::toJson()), as stored: ready to send
};

} // namespace Countersign
