#include "storetestdata.h"

#include "lifecycle/statemachine.h"

#include <QJsonArray>
#include <QTest>

#include <limits>

namespace Countersign::Test {

Action fullAction(const QString &id)
{
    Action a;
    a.id = id;
    a.type = QStringLiteral("email.send_external");
    a.category = QStringLiteral("outbound-mail");
    a.title = QStringLiteral("Reply to Zoë about the invoice – “urgent” ✓ 🚀");
    a.payload = Payload{QStringLiteral("Dear Zoë,\n\n'quotes' \"double\" \\ backslash; DROP TABLE actions;\n\tend"),
        QStringLiteral("email")};
    a.reasoning = QStringLiteral("The customer asked twice.\nLine two.");
    a.context = QJsonObject{{QStringLiteral("ticket"), 4711},
        {QStringLiteral("nested"),
            QJsonObject{{QStringLiteral("list"), QJsonArray{1, 2.5, QStringLiteral("x"), QJsonValue(), true}}}},
        {QStringLiteral("empty"), QJsonObject()}};
    a.confidence = 0.7312519876543219;
    a.agent = QStringLiteral("mail-bot");
    a.createdAt = T0.addMSecs(123);
    a.slaDueAt = T0.addSecs(3600).addMSecs(456);
    a.expiresAt = T0.addSecs(86400).addMSecs(789);
    a.tier = Tier::Prohibited;
    a.tierReason = QStringLiteral("rule: external mail with attachments");
    a.unassigned = true;
    a.state = ActionState::Approved;
    a.modified = true;
    a.finalPayload = Payload{QStringLiteral("Dear Zoë, edited."), QStringLiteral("markdown")};
    a.reason = QStringLiteral("edited the greeting");
    a.decidedBy = QStringLiteral("alice");
    a.decidedAt = T0.addSecs(600).addMSecs(1);
    a.claimedBy = QStringLiteral("bob");
    a.claimedAt = T0.addSecs(60).addMSecs(2);
    a.leaseExpiresAt = T0.addSecs(360).addMSecs(3);
    a.assignedTo = QStringLiteral("carol");
    a.escalated = true;
    a.escalatedAt = T0.addSecs(7200).addMSecs(4);
    a.idempotencyKey = QStringLiteral("key-Ω-1");
    a.requestHash = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    a.version = 1;
    return a;
}

Action pendingAction(const QString &id, const QDateTime &createdAt)
{
    Action a;
    a.id = id;
    a.type = QStringLiteral("refund.issue");
    a.category = QStringLiteral("billing");
    a.title = QStringLiteral("Refund ") + id;
    a.payload = Payload{QStringLiteral("refund 10 EUR"), QStringLiteral("text")};
    a.agent = QStringLiteral("bot-a");
    a.confidence = 0.5;
    a.createdAt = createdAt;
    a.slaDueAt = createdAt.addSecs(1800);
    a.expiresAt = createdAt.addSecs(86400);
    a.tier = Tier::Review;
    auto admitted = StateMachine::admit(a, createdAt);
    if (!admitted)
        qFatal("the state machine refused a test action: %s", qPrintable(admitted.error().message));
    return *admitted;
}

QList<Action> generatedActions(int count, const QString &idPrefix, quint32 seed, const QDateTime &base)
{
    static const QStringList agents{QStringLiteral("bot-a"), QStringLiteral("bot-b"), QStringLiteral("bot-c")};
    static const QStringList types{QStringLiteral("refund.issue"), QStringLiteral("email.send_external"),
        QStringLiteral("db.query"), QStringLiteral("shell.exec")};
    static const QStringList categories{
        QStringLiteral("billing"), QStringLiteral("email"), QStringLiteral("infra"), QStringLiteral("data")};
    QRandomGenerator rng(seed);
    QList<Action> list;
    for (int i = 0; i < count; ++i) {
        // Few distinct creation seconds and confidences, so ties (broken by id) are common.
        Action a = pendingAction(QStringLiteral("%1-%2").arg(idPrefix).arg(i, 4, 10, QLatin1Char('0')),
            base.addSecs(rng.bounded(count / 2 + 1) * 10));
        a.agent = agents.at(rng.bounded(int(agents.size())));
        a.type = types.at(rng.bounded(int(types.size())));
        a.category = categories.at(rng.bounded(int(categories.size())));
        a.confidence = rng.bounded(10) / 10.0 + 0.05;
        a.slaDueAt = rng.bounded(5) == 0 ? QDateTime() : a.createdAt.addSecs(60 * (1 + rng.bounded(120)));
        a.expiresAt = a.createdAt.addSecs(3600 * (1 + rng.bounded(48)));
        list.append(a);
    }
    return list;
}

ActionChange insertion(const Action &action, const QString &actor)
{
    ActionChange c;
    c.after = action;
    c.expectedVersion = 0;
    c.event = QStringLiteral("action.created");
    c.actor = actor;
    c.role = QStringLiteral("agent");
    return c;
}

ActionChange transition(
    const Action &before, const Action &after, const QString &event, const QString &actor, const QString &role)
{
    ActionChange c;
    c.after = after;
    c.expectedVersion = before.version;
    c.event = event;
    c.actor = actor;
    c.role = role;
    c.auditBefore = QJsonObject{
        {QStringLiteral("state"), actionStateName(before.state)}, {QStringLiteral("version"), double(before.version)}};
    return c;
}

namespace {

Action orDie(const Result<Action> &r, const char *what)
{
    if (!r)
        qFatal("the state machine refused to %s: %s", what, qPrintable(r.error().message));
    return *r;
}

} // namespace

Action claimed(const Action &a, const QString &reviewer, const QDateTime &now, std::chrono::seconds lease)
{
    return orDie(StateMachine::claim(a, reviewer, lease, now), "claim");
}

Action approved(const Action &a, const QString &reviewer, const QDateTime &now)
{
    Decision d;
    d.outcome = Outcome::Approve;
    d.reviewer = reviewer;
    return orDie(StateMachine::decide(a, d, now), "approve");
}

Action escalated(const Action &a, const QDateTime &now)
{
    return orDie(StateMachine::escalate(a, now), "escalate");
}

bool sortsBefore(const Action &a, const Action &b, ActionQuery::Sort sort)
{
    auto key = [sort](const Action &x) -> std::pair<double, qint64> {
        switch (sort) {
        case ActionQuery::Sort::Deadline:
            return {0, x.slaDueAt.isValid() ? x.slaDueAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max()};
        case ActionQuery::Sort::Age:
            return {0, x.createdAt.toMSecsSinceEpoch()};
        case ActionQuery::Sort::Confidence:
            break;
        }
        return {x.confidence, 0};
    };
    const auto ka = key(a);
    const auto kb = key(b);
    if (ka != kb)
        return ka < kb;
    return a.id < b.id;
}

void compareActions(const Action &actual, const Action &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.type, expected.type);
    QCOMPARE(actual.category, expected.category);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.payload.content, expected.payload.content);
    QCOMPARE(actual.payload.language, expected.payload.language);
    QCOMPARE(actual.payload.original, expected.payload.original);
    QCOMPARE(actual.reasoning, expected.reasoning);
    QCOMPARE(actual.context, expected.context);
    QCOMPARE(actual.confidence, expected.confidence);
    QCOMPARE(actual.agent, expected.agent);
    QCOMPARE(actual.createdAt, expected.createdAt);
    QCOMPARE(actual.slaDueAt, expected.slaDueAt);
    QCOMPARE(actual.expiresAt, expected.expiresAt);
    QCOMPARE(actual.tier, expected.tier);
    QCOMPARE(actual.tierReason, expected.tierReason);
    QCOMPARE(actual.unassigned, expected.unassigned);
    QCOMPARE(actual.state, expected.state);
    QCOMPARE(actual.modified, expected.modified);
    QCOMPARE(actual.finalPayload.has_value(), expected.finalPayload.has_value());
    if (expected.finalPayload) {
        QCOMPARE(actual.finalPayload->content, expected.finalPayload->content);
        QCOMPARE(actual.finalPayload->language, expected.finalPayload->language);
        QCOMPARE(actual.finalPayload->original, expected.finalPayload->original);
    }
    QCOMPARE(actual.reason, expected.reason);
    QCOMPARE(actual.decidedBy, expected.decidedBy);
    QCOMPARE(actual.decidedAt, expected.decidedAt);
    QCOMPARE(actual.claimedBy, expected.claimedBy);
    QCOMPARE(actual.claimedAt, expected.claimedAt);
    QCOMPARE(actual.leaseExpiresAt, expected.leaseExpiresAt);
    QCOMPARE(actual.assignedTo, expected.assignedTo);
    QCOMPARE(actual.escalated, expected.escalated);
    QCOMPARE(actual.escalatedAt, expected.escalatedAt);
    QCOMPARE(actual.idempotencyKey, expected.idempotencyKey);
    QCOMPARE(actual.requestHash, expected.requestHash);
    QCOMPARE(actual.version, expected.version);
    QVERIFY(actual == expected); // catches a field added to Action but not to this list
}

} // namespace Countersign::Test
