#include "storeactiontests.h"

#include "domain/timeformat.h"
#include "lifecycle/statemachine.h"
#include "storetestdata.h"

#include <QJsonArray>
#include <QTest>

using namespace std::chrono_literals;

namespace Countersign::Test {

void StoreActionTests::roundTripsEveryField()
{
    const Action full = fullAction(QStringLiteral("act-full"));
    const auto results = m_store->commit({insertion(full)});
    QCOMPARE(results.size(), 1);
    CS_VERIFY_OK(results.constFirst());
    compareActions(results.constFirst()->action, full);

    // Every read path returns what was written.
    auto read = m_store->action(full.id);
    CS_VERIFY_OK(read);
    compareActions(*read, full);
    if (QTest::currentTestFailed())
        return;
    auto byKey = m_store->actionByIdempotencyKey(full.agent, full.idempotencyKey);
    CS_VERIFY_OK(byKey);
    QVERIFY(byKey->has_value());
    compareActions(**byKey, full);
    auto listed = m_store->actions(ActionQuery{});
    CS_VERIFY_OK(listed);
    QCOMPARE(listed->items.size(), 1);
    compareActions(listed->items.constFirst(), full);
    auto events = m_store->eventsSince(0, 10);
    CS_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->constFirst().action, full.toJson());

    // A time given in another zone is the same instant when read back.
    Action next = full;
    next.version = 2;
    next.decidedAt = QDateTime(QDate(2026, 1, 1), QTime(12, 30, 15, 999), QTimeZone(5 * 3600));
    next.context.insert(QStringLiteral("more"), QJsonArray{QStringLiteral("ünï"), -0.000123});
    next.confidence = 1.0 / 3.0;
    next.finalPayload.reset();
    next.claimedBy.clear();
    next.claimedAt = QDateTime();
    next.leaseExpiresAt = QDateTime();
    const auto updated
        = m_store->commit({transition(full, next, QStringLiteral("action.decided"), QStringLiteral("alice"))});
    CS_VERIFY_OK(updated.constFirst());
    read = m_store->action(full.id);
    CS_VERIFY_OK(read);
    compareActions(*read, next);
}

void StoreActionTests::roundTripsAMinimalAction()
{
    Action bare;
    bare.id = QStringLiteral("bare");
    bare.createdAt = T0;
    bare.version = 1;
    CS_VERIFY_OK(m_store->commit({insertion(bare, QString())}).constFirst());
    auto read = m_store->action(bare.id);
    CS_VERIFY_OK(read);
    compareActions(*read, bare);
}

// payload.original lives in the stored action JSON: no column, no migration. A text, an empty
// one (a new file) and none are three different values, in the payload and the final payload.
void StoreActionTests::roundTripsTheOriginal()
{
    Action changed = fullAction(QStringLiteral("act-change"));
    changed.payload.original = QStringLiteral("Dear Zo\u00eb,\n\n'old' \"text\" \\ \u2013 \U0001F680\n");
    changed.finalPayload->original = changed.payload.original;
    Action created = fullAction(QStringLiteral("act-new-file"));
    created.idempotencyKey = QStringLiteral("key-new-file");
    created.payload.original = QString();
    created.finalPayload.reset();
    CS_VERIFY_OK(m_store->commit({insertion(changed)}).constFirst());
    CS_VERIFY_OK(m_store->commit({insertion(created)}).constFirst());
    for (const Action &expected : {changed, created}) {
        auto read = m_store->action(expected.id);
        CS_VERIFY_OK(read);
        compareActions(*read, expected);
        QCOMPARE(read->payload.original, expected.payload.original);
        QVERIFY(read->payload.original.has_value());
    }
    auto events = m_store->eventsSince(0, 10);
    CS_VERIFY_OK(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->constFirst().action.value(QLatin1String("payload")).toObject().value(QLatin1String("original")),
        QJsonValue(*changed.payload.original));
}

void StoreActionTests::unknownActionIsNotFound()
{
    CS_VERIFY_ERROR(m_store->action(QStringLiteral("nope")), ErrorCode::NotFound);
    auto byKey = m_store->actionByIdempotencyKey(QStringLiteral("bot-a"), QStringLiteral("nope"));
    CS_VERIFY_OK(byKey);
    QVERIFY(!byKey->has_value());
}

void StoreActionTests::idempotencyKeyIsUniquePerAgent()
{
    Action first = pendingAction(QStringLiteral("a1"), T0);
    first.idempotencyKey = QStringLiteral("k1");
    Action sameAgentSameKey = pendingAction(QStringLiteral("a2"), T0);
    sameAgentSameKey.idempotencyKey = QStringLiteral("k1");
    Action otherAgentSameKey = pendingAction(QStringLiteral("a3"), T0);
    otherAgentSameKey.agent = QStringLiteral("bot-b");
    otherAgentSameKey.idempotencyKey = QStringLiteral("k1");
    Action noKey1 = pendingAction(QStringLiteral("a4"), T0);
    Action noKey2 = pendingAction(QStringLiteral("a5"), T0);

    const auto results = m_store->commit({insertion(first), insertion(sameAgentSameKey), insertion(otherAgentSameKey),
        insertion(noKey1), insertion(noKey2)});
    QCOMPARE(results.size(), 5);
    CS_VERIFY_OK(results.at(0));
    CS_VERIFY_ERROR(results.at(1), ErrorCode::Conflict);
    CS_VERIFY_OK(results.at(2));
    CS_VERIFY_OK(results.at(3));
    CS_VERIFY_OK(results.at(4));

    auto found = m_store->actionByIdempotencyKey(QStringLiteral("bot-a"), QStringLiteral("k1"));
    CS_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->id, first.id);
    found = m_store->actionByIdempotencyKey(QStringLiteral("bot-b"), QStringLiteral("k1"));
    CS_VERIFY_OK(found);
    QCOMPARE((*found)->id, otherAgentSameKey.id);
    CS_VERIFY_ERROR(m_store->action(sameAgentSameKey.id), ErrorCode::NotFound);

    // Also across commits.
    CS_VERIFY_ERROR(m_store->commit({insertion(sameAgentSameKey)}).constFirst(), ErrorCode::Conflict);
}

void StoreActionTests::duplicateIdIsAConflict()
{
    const Action a = pendingAction(QStringLiteral("dup"), T0);
    CS_VERIFY_OK(m_store->commit({insertion(a)}).constFirst());
    Action again = pendingAction(QStringLiteral("dup"), T0.addSecs(5));
    again.title = QStringLiteral("impostor");
    CS_VERIFY_ERROR(m_store->commit({insertion(again)}).constFirst(), ErrorCode::Conflict);
    auto read = m_store->action(a.id);
    CS_VERIFY_OK(read);
    QCOMPARE(read->title, a.title);
    auto last = m_store->lastEventSeq();
    CS_VERIFY_OK(last);
    QCOMPARE(*last, 1);
}

void StoreActionTests::staleVersionConflictsAloneInItsBatch()
{
    const Action a = pendingAction(QStringLiteral("a"), T0);
    const Action b = pendingAction(QStringLiteral("b"), T0);
    const Action c = pendingAction(QStringLiteral("c"), T0);
    QVERIFY(insertAll({a, b}));
    // Someone else claims b first: our later change to b is based on a stale version.
    const Action bClaimed = claimed(b, QStringLiteral("bob"), T0);
    QVERIFY(apply(bClaimed, QStringLiteral("action.claimed"), QStringLiteral("bob")));
    auto eventsBefore = m_store->lastEventSeq();
    auto auditBefore = m_store->auditEntries(0, 1000);
    CS_VERIFY_OK(eventsBefore);
    CS_VERIFY_OK(auditBefore);

    const Action aClaimed = claimed(a, QStringLiteral("alice"), T0);
    const Action bStale = claimed(b, QStringLiteral("alice"), T0);
    const auto results
        = commitAndTrack({transition(a, aClaimed, QStringLiteral("action.claimed"), QStringLiteral("alice")),
            transition(b, bStale, QStringLiteral("action.claimed"), QStringLiteral("alice")), insertion(c)});
    QCOMPARE(results.size(), 3);
    CS_VERIFY_OK(results.at(0));
    CS_VERIFY_ERROR(results.at(1), ErrorCode::Conflict);
    QVERIFY2(
        results.at(1).error().message.contains(QLatin1String("version")), qPrintable(results.at(1).error().message));
    CS_VERIFY_OK(results.at(2));

    for (const QString &id : {a.id, b.id, c.id}) {
        auto read = m_store->action(id);
        CS_VERIFY_OK(read);
        compareActions(*read, m_model.value(id));
    }
    QCOMPARE(m_store->action(b.id)->claimedBy, QStringLiteral("bob"));
    // Exactly the two successful changes left an event and an audit entry.
    auto eventsAfter = m_store->eventsSince(*eventsBefore, 100);
    CS_VERIFY_OK(eventsAfter);
    QCOMPARE(eventsAfter->size(), 2);
    QCOMPARE(eventsAfter->at(0).actionId, a.id);
    QCOMPARE(eventsAfter->at(1).actionId, c.id);
    QCOMPARE(eventsAfter->at(0).seq, results.at(0)->eventSeq);
    QCOMPARE(eventsAfter->at(1).seq, results.at(2)->eventSeq);
    auto auditAfter = m_store->auditEntries(0, 1000);
    CS_VERIFY_OK(auditAfter);
    QCOMPARE(auditAfter->size(), auditBefore->size() + 2);
    auto verified = m_store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));

    // An update of an action that does not exist conflicts too.
    Action ghost = pendingAction(QStringLiteral("ghost"), T0);
    ghost.version = 2;
    ActionChange change = insertion(ghost);
    change.expectedVersion = 1;
    CS_VERIFY_ERROR(m_store->commit({change}).constFirst(), ErrorCode::Conflict);
}

void StoreActionTests::invalidChangesFailAlone()
{
    Action jump = pendingAction(QStringLiteral("jump"), T0);
    jump.version = 3; // an insert creates version 1
    Action noId = pendingAction(QStringLiteral("will-lose-its-id"), T0);
    noId.id.clear();
    Action noTime = pendingAction(QStringLiteral("no-time"), T0);
    noTime.createdAt = QDateTime();
    ActionChange noEvent = insertion(pendingAction(QStringLiteral("no-event"), T0));
    noEvent.event.clear();
    const Action fine = pendingAction(QStringLiteral("fine"), T0);

    const auto results
        = m_store->commit({insertion(jump), insertion(noId), insertion(noTime), noEvent, insertion(fine)});
    QCOMPARE(results.size(), 5);
    for (int i = 0; i < 4; ++i)
        CS_VERIFY_ERROR(results.at(i), ErrorCode::InvalidArgument);
    CS_VERIFY_OK(results.at(4));
    auto page = m_store->actions(ActionQuery{});
    CS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items.constFirst().id, fine.id);
}

void StoreActionTests::fixedFieldsStayFixed()
{
    const Action a = pendingAction(QStringLiteral("fixed"), T0);
    QVERIFY(insertAll({a}));
    const auto eventsBefore = m_store->lastEventSeq();
    CS_VERIFY_OK(eventsBefore);

    // A change planned from `a` that also moves the action to another category: refused, and
    // nothing of it is written.
    Action moved = claimed(a, QStringLiteral("alice"), T0);
    moved.category = QStringLiteral("elsewhere");
    ActionChange change = transition(a, moved, QStringLiteral("action.claimed"), QStringLiteral("alice"));
    change.before = a;
    const auto refused = m_store->commit({change});
    CS_VERIFY_ERROR(refused.constFirst(), ErrorCode::InvalidArgument);
    QCOMPARE(refused.constFirst().error().field, QStringLiteral("category"));
    compareActions(*m_store->action(a.id), a);
    QCOMPARE(*m_store->lastEventSeq(), *eventsBefore);

    // The same claim without the move goes through with the planner's copy as well as without.
    ActionChange fine = transition(
        a, claimed(a, QStringLiteral("alice"), T0), QStringLiteral("action.claimed"), QStringLiteral("alice"));
    fine.before = a;
    CS_VERIFY_OK(m_store->commit({fine}).constFirst());
    QCOMPARE(m_store->action(a.id)->claimedBy, QStringLiteral("alice"));
}

void StoreActionTests::commitAppendsEventAndAuditEntry()
{
    m_clock.set(T0.addSecs(42));
    const Action a = pendingAction(QStringLiteral("a"), T0);
    const auto created = m_store->commit({insertion(a, QStringLiteral("bot-a"))});
    CS_VERIFY_OK(created.constFirst());
    const Action approvedA = approved(a, QStringLiteral("alice"), T0.addSecs(50));
    m_clock.set(T0.addSecs(50));
    const auto decided = m_store->commit(
        {transition(a, approvedA, QStringLiteral("action.decided"), QStringLiteral("alice"), QStringLiteral("lead"))});
    CS_VERIFY_OK(decided.constFirst());
    QVERIFY(decided.constFirst()->eventSeq > created.constFirst()->eventSeq);
    QCOMPARE(decided.constFirst()->auditSeq, created.constFirst()->auditSeq + 1);

    auto events = m_store->eventsSince(0, 10);
    CS_VERIFY_OK(events);
    QCOMPARE(events->size(), 2);
    const Event &e = events->at(1);
    QCOMPARE(e.seq, decided.constFirst()->eventSeq);
    QCOMPARE(e.type, QStringLiteral("action.decided"));
    QCOMPARE(e.actionId, a.id);
    QCOMPARE(e.time, T0.addSecs(50));
    QCOMPARE(e.action, approvedA.toJson());

    auto audit = m_store->auditEntries(0, 10);
    CS_VERIFY_OK(audit);
    QCOMPARE(audit->size(), 2);
    const AuditEntry &first = audit->at(0);
    QCOMPARE(first.kind, QStringLiteral("action.created"));
    QCOMPARE(first.actor, QStringLiteral("bot-a"));
    QCOMPARE(first.role, QStringLiteral("agent"));
    QCOMPARE(first.subject, a.id);
    QCOMPARE(first.time, T0.addSecs(42));
    QVERIFY(first.prevHash.isEmpty());
    const AuditEntry &second = audit->at(1);
    QCOMPARE(second.seq, decided.constFirst()->auditSeq);
    QCOMPARE(second.kind, QStringLiteral("action.decided"));
    QCOMPARE(second.actor, QStringLiteral("alice"));
    QCOMPARE(second.role, QStringLiteral("lead"));
    QCOMPARE(second.prevHash, first.hash);
    QCOMPARE(second.hash, second.computeHash());
    QCOMPARE(second.before.toObject().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    const QJsonObject after = second.after.toObject();
    QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(after.value(QLatin1String("tier")).toString(), QStringLiteral("review"));
    QCOMPARE(after.value(QLatin1String("version")).toInteger(), approvedA.version);
    QCOMPARE(after.value(QLatin1String("decided_by")).toString(), QStringLiteral("alice"));
    QCOMPARE(after.value(QLatin1String("final_payload_sha256")).toString().size(), 64);
}

void StoreActionTests::largeBatchCommitsTogether()
{
    const QList<Action> actions = generatedActions(250, QStringLiteral("batch"), 7);
    QList<ActionChange> changes;
    for (const Action &a : actions)
        changes.append(insertion(a));
    const auto results = m_store->commit(changes);
    QCOMPARE(results.size(), actions.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        CS_VERIFY_OK(results.at(i));
        QCOMPARE(results.at(i)->action.id, actions.at(i).id);
        if (i > 0) {
            QCOMPARE(results.at(i)->eventSeq, results.at(i - 1)->eventSeq + 1);
            QCOMPARE(results.at(i)->auditSeq, results.at(i - 1)->auditSeq + 1);
        }
    }
    auto verified = m_store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entries, 250);
}

void StoreActionTests::reopenKeepsEverything()
{
    const QList<Action> actions = generatedActions(20, QStringLiteral("keep"), 11);
    QVERIFY(insertAll(actions));
    QVERIFY(
        apply(claimed(m_model.value(actions.at(3).id), QStringLiteral("bob"), T0), QStringLiteral("action.claimed")));
    CS_VERIFY_OK(m_store->saveToken(
        TokenRecord{QStringLiteral("bot-a"), QStringLiteral("agent"), QByteArray("aa11"), T0, false}));
    CS_VERIFY_OK(m_store->savePolicyVersion(QByteArray(R"({"version":1})"), QStringLiteral("admin")));
    auto lastSeq = m_store->lastEventSeq();
    CS_VERIFY_OK(lastSeq);
    auto audit = m_store->auditEntries(0, 1000);
    CS_VERIFY_OK(audit);
    m_store->close();
    m_store.reset();

    m_store = openAnother();
    QVERIFY(m_store);
    for (const Action &expected : std::as_const(m_model)) {
        auto read = m_store->action(expected.id);
        CS_VERIFY_OK(read);
        compareActions(*read, expected);
    }
    QCOMPARE(*m_store->lastEventSeq(), *lastSeq);
    auto auditAgain = m_store->auditEntries(0, 1000);
    CS_VERIFY_OK(auditAgain);
    QCOMPARE(auditAgain->size(), audit->size());
    for (qsizetype i = 0; i < audit->size(); ++i)
        QCOMPARE(auditAgain->at(i).toJson(), audit->at(i).toJson());
    QCOMPARE((*m_store->tokens()).size(), 1);
    QCOMPARE((*m_store->currentPolicy())->document, QByteArray(R"({"version":1})"));

    // Sequences continue; nothing is reused.
    const auto more = m_store->commit({insertion(pendingAction(QStringLiteral("after-reopen"), T0))});
    CS_VERIFY_OK(more.constFirst());
    QCOMPARE(more.constFirst()->eventSeq, *lastSeq + 1);
    QCOMPARE(more.constFirst()->auditSeq, audit->constLast().seq + 1);
    auto verified = m_store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY2(verified->ok, qPrintable(verified->problem));
}

void StoreActionTests::twoStoresShareOneDatabase()
{
    std::unique_ptr<Store> other = openAnother();
    QVERIFY(other);
    QList<qint64> eventSeqs;
    for (int i = 0; i < 10; ++i) {
        Store &writer = i % 2 ? *other : *m_store;
        const auto r = writer.commit({insertion(pendingAction(QStringLiteral("shared-%1").arg(i), T0.addSecs(i)))});
        CS_VERIFY_OK(r.constFirst());
        eventSeqs.append(r.constFirst()->eventSeq);
        CS_VERIFY_OK(writer.appendAudit(AuditEntry{0, T0, QStringLiteral("admin"), QStringLiteral("admin"),
            QStringLiteral("token.created"), QStringLiteral("t%1").arg(i), QJsonValue(), QJsonValue(i), {}, {}}));
    }
    for (qsizetype i = 1; i < eventSeqs.size(); ++i)
        QVERIFY(eventSeqs.at(i) > eventSeqs.at(i - 1));
    // Each sees the other's writes, and the audit chain stayed linear.
    CS_VERIFY_OK(m_store->action(QStringLiteral("shared-1")));
    CS_VERIFY_OK(other->action(QStringLiteral("shared-0")));
    for (Store *s : {m_store.get(), other.get()}) {
        auto verified = s->verifyAudit();
        CS_VERIFY_OK(verified);
        QVERIFY2(verified->ok, qPrintable(verified->problem));
        QCOMPARE(verified->entries, 20);
    }
}

void StoreActionTests::closedStoreIsUnavailable()
{
    m_store->close();
    CS_VERIFY_ERROR(m_store->action(QStringLiteral("x")), ErrorCode::Unavailable);
    CS_VERIFY_ERROR(m_store->actions(ActionQuery{}), ErrorCode::Unavailable);
    CS_VERIFY_ERROR(m_store->lastEventSeq(), ErrorCode::Unavailable);
    CS_VERIFY_ERROR(m_store->verifyAudit(), ErrorCode::Unavailable);
    CS_VERIFY_ERROR(m_store->tokens(), ErrorCode::Unavailable);
    CS_VERIFY_ERROR(m_store->queueStats(T0), ErrorCode::Unavailable);
    const auto results = m_store->commit(
        {insertion(pendingAction(QStringLiteral("a"), T0)), insertion(pendingAction(QStringLiteral("b"), T0))});
    QCOMPARE(results.size(), 2);
    for (const auto &r : results)
        CS_VERIFY_ERROR(r, ErrorCode::Unavailable);
    // And it opens again.
    CS_VERIFY_OK(m_store->open());
    CS_VERIFY_OK(m_store->actions(ActionQuery{}));
}

} // namespace Countersign::Test
