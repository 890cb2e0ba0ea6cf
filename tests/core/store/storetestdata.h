#pragma once

#include "domain/action.h"
#include "store/actionchange.h"
#include "store/store.h"
#include "testresult.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <chrono>

namespace Countersign::Test {

inline const QDateTime T0 = QDateTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::UTC);

// An action with every field set to a distinctive, non-default value (not a reachable state
// machine state: the store must keep whatever it is given).
Action fullAction(const QString &id);
// A pending review action as the state machine admits it.
Action pendingAction(const QString &id, const QDateTime &createdAt);
// `count` pending actions with varied agents, types, categories, confidences (with ties),
// creation times (with ties) and deadlines (some missing), from a seeded generator.
QList<Action> generatedActions(int count, const QString &idPrefix, quint32 seed, const QDateTime &base = T0);

ActionChange insertion(const Action &action, const QString &actor = QStringLiteral("bot-a"));
// The change from `before` to `after` (which the state machine produced).
ActionChange transition(const Action &before, const Action &after, const QString &event, const QString &actor,
    const QString &role = QStringLiteral("reviewer"));

// The state machine transitions tests use, failing loudly if the machine refuses.
Action claimed(const Action &a, const QString &reviewer, const QDateTime &now,
    std::chrono::seconds lease = std::chrono::seconds(300));
Action approved(const Action &a, const QString &reviewer, const QDateTime &now);
Action escalated(const Action &a, const QDateTime &now);

// The order a listing must return, computed independently of the store.
bool sortsBefore(const Action &a, const Action &b, ActionQuery::Sort sort);

// Every field, one QCOMPARE each, so a failure names the field that did not round-trip.
void compareActions(const Action &actual, const Action &expected);

} // namespace Countersign::Test
