#include "storelogtests.h"

#include "storetestdata.h"

#include <QJsonArray>
#include <QTest>

namespace Countersign::Test {

namespace {

AuditEntry adminEntry(const QString &kind, const QString &subject, const QJsonValue &before, const QJsonValue &after)
{
    AuditEntry e;
    e.actor = QStringLiteral("root");
    e.role = QStringLiteral("admin");
    e.kind = kind;
    e.subject = subject;
    e.before = before;
    e.after = after;
    return e;
}

} // namespace

void StoreLogTests::emptyStore()
{
    QCOMPARE(*m_store->lastEventSeq(), 0);
    QVERIFY(m_store->eventsSince(0, 100)->isEmpty());
    QVERIFY(m_store->auditEntries(0, 100)->isEmpty());
    auto verified = m_store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entries, 0);
    QVERIFY(m_store->tokens()->isEmpty());
    QVERIFY(m_store->policyVersions()->isEmpty());
    QVERIFY(!m_store->currentPolicy()->has_value());
    auto stats = m_store->queueStats(T0);
    CS_VERIFY_OK(stats);
    QCOMPARE(stats->totalDepth, 0);
    QVERIFY(stats->categories.isEmpty());
    QVERIFY(m_store->dueActions(T0, 10)->isEmpty());
    QVERIFY(m_store->actions(ActionQuery{})->items.isEmpty());
    QVERIFY(m_store->schemaVersion() > 0);
    QVERIFY(!m_store->backendName().isEmpty());
}

void StoreLogTests::eventsResumeAfterASeq()
{
    const QList<Action> actions = generatedActions(30, QStringLiteral("ev"), 8);
    QVERIFY(insertAll(actions));
    QVERIFY(
        apply(claimed(m_model.value(actions.at(0).id), QStringLiteral("bob"), T0), QStringLiteral("action.claimed")));
    auto last = m_store->lastEventSeq();
    CS_VERIFY_OK(last);
    auto all = m_store->eventsSince(0, 1000);
    CS_VERIFY_OK(all);
    QCOMPARE(all->size(), 31);
    QCOMPARE(all->constLast().seq, *last);
    QCOMPARE(all->constLast().type, QStringLiteral("action.claimed"));
    QCOMPARE(all->constLast().action.value(QLatin1String("claimed_by")).toString(), QStringLiteral("bob"));
    for (qsizetype i = 1; i < all->size(); ++i)
        QVERIFY(all->at(i).seq > all->at(i - 1).seq);

    // A subscriber that saw up to the 10th event resumes with exactly the rest, in pages.
    qint64 since = all->at(9).seq;
    QList<Event> resumed;
    for (;;) {
        auto page = m_store->eventsSince(since, 7);
        CS_VERIFY_OK(page);
        QVERIFY(page->size() <= 7);
        if (page->isEmpty())
            break;
        QVERIFY2(page->constFirst().seq > since, "resuming does not advance");
        resumed += *page;
        since = page->constLast().seq;
    }
    QCOMPARE(resumed.size(), all->size() - 10);
    for (qsizetype i = 0; i < resumed.size(); ++i)
        QCOMPARE(resumed.at(i).toJson(), all->at(i + 10).toJson());
    QVERIFY(m_store->eventsSince(*last, 10)->isEmpty());
    QCOMPARE(m_store->eventsSince(0, 0)->size(), 1); // limits are clamped to 1..1000
}

void StoreLogTests::appendAuditChainsEntries()
{
    QVERIFY(insertAll({pendingAction(QStringLiteral("a"), T0)}));
    m_clock.set(T0.addSecs(77));
    auto seq = m_store->appendAudit(adminEntry(QStringLiteral("policy.updated"), QStringLiteral("2"),
        QJsonObject{{QStringLiteral("version"), 1}}, QJsonObject{{QStringLiteral("version"), 2}}));
    CS_VERIFY_OK(seq);
    QCOMPARE(*seq, 2);
    AuditEntry timed = adminEntry(QStringLiteral("token.created"), QStringLiteral("bot-z"), QJsonValue(), QJsonValue());
    timed.time = T0.addSecs(5);
    timed.seq = 999; // assigned by the store, whatever the caller says
    timed.hash = "forged";
    seq = m_store->appendAudit(timed);
    CS_VERIFY_OK(seq);
    QCOMPARE(*seq, 3);
    CS_VERIFY_ERROR(m_store->appendAudit(adminEntry(QString(), QString(), {}, {})), ErrorCode::InvalidArgument);

    auto entries = m_store->auditEntries(0, 100);
    CS_VERIFY_OK(entries);
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->at(1).time, T0.addSecs(77)); // no time given: the store's clock
    QCOMPARE(entries->at(2).time, T0.addSecs(5));
    for (qsizetype i = 0; i < entries->size(); ++i) {
        QCOMPARE(entries->at(i).seq, i + 1);
        QCOMPARE(entries->at(i).hash, entries->at(i).computeHash());
        QCOMPARE(entries->at(i).prevHash, i == 0 ? QByteArray() : entries->at(i - 1).hash);
    }
    QCOMPARE(AuditChainVerifier::verify(*entries).ok, true);
    auto verified = m_store->verifyAudit();
    CS_VERIFY_OK(verified);
    QVERIFY(verified->ok);
    QCOMPARE(verified->entries, 3);
}

void StoreLogTests::auditEntriesPage()
{
    for (int i = 0; i < 25; ++i)
        CS_VERIFY_OK(m_store->appendAudit(adminEntry(QStringLiteral("token.created"), QString::number(i), {}, i)));
    QList<AuditEntry> all;
    qint64 after = 0;
    for (;;) {
        auto page = m_store->auditEntries(after, 10);
        CS_VERIFY_OK(page);
        if (page->isEmpty())
            break;
        QVERIFY2(page->constFirst().seq > after, "paging does not advance");
        all += *page;
        after = page->constLast().seq;
    }
    QCOMPARE(all.size(), 25);
    QCOMPARE(AuditChainVerifier::verify(all).entries, 25);
    QCOMPARE(m_store->auditEntries(20, 1000)->size(), 5);
    QCOMPARE(m_store->auditEntries(0, 0)->size(), 1);
}

void StoreLogTests::auditValuesRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("null") << QJsonValue();
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("string") << QJsonValue(QStringLiteral("ünï \"q\" \n"));
    QTest::newRow("number") << QJsonValue(0.1 + 0.2);
    QTest::newRow("bool") << QJsonValue(false);
    QTest::newRow("empty object") << QJsonValue(QJsonObject());
    QTest::newRow("array") << QJsonValue(QJsonArray{1, QStringLiteral("two"), QJsonObject{{QStringLiteral("3"), 3}}});
}

void StoreLogTests::auditValuesRoundTrip()
{
    QFETCH(QJsonValue, value);
    const AuditEntry e = adminEntry(QStringLiteral("test.value"), QStringLiteral("s"), value, value);
    CS_VERIFY_OK(m_store->appendAudit(e));
    auto entries = m_store->auditEntries(0, 10);
    CS_VERIFY_OK(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->constFirst().before, value);
    QCOMPARE(entries->constFirst().after, value);
    QVERIFY(m_store->verifyAudit()->ok);
}

void StoreLogTests::tokens()
{
    const QByteArray h1 = QByteArray(64, 'a');
    const QByteArray h2 = QByteArray(64, 'b');
    CS_VERIFY_OK(m_store->saveToken(TokenRecord{QStringLiteral("bot-a"), QStringLiteral("agent"), h1, T0, false}));
    m_clock.set(T0.addSecs(10));
    CS_VERIFY_OK(m_store->saveToken(TokenRecord{QStringLiteral("alice"), QStringLiteral("reviewer"), h2, {}, false}));
    CS_VERIFY_ERROR(m_store->saveToken(TokenRecord{QString(), QStringLiteral("agent"), "x", T0, false}),
        ErrorCode::InvalidArgument);
    CS_VERIFY_ERROR(m_store->saveToken(TokenRecord{QStringLiteral("n"), QStringLiteral("agent"), {}, T0, false}),
        ErrorCode::InvalidArgument);

    auto found = m_store->tokenByHash(h2);
    CS_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->name, QStringLiteral("alice"));
    QCOMPARE((*found)->role, QStringLiteral("reviewer"));
    QCOMPARE((*found)->hash, h2);
    QCOMPARE((*found)->createdAt, T0.addSecs(10));
    QVERIFY(!(*found)->revoked);
    QVERIFY(!m_store->tokenByHash(QByteArray(64, 'c'))->has_value());

    // Saving a known hash again revokes it, keeping its creation time.
    CS_VERIFY_OK(
        m_store->saveToken(TokenRecord{QStringLiteral("bot-a"), QStringLiteral("agent"), h1, T0.addDays(3), true}));
    auto list = m_store->tokens();
    CS_VERIFY_OK(list);
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, QStringLiteral("bot-a"));
    QVERIFY(list->at(0).revoked);
    QCOMPARE(list->at(0).createdAt, T0);
    QCOMPARE(list->at(1).name, QStringLiteral("alice"));
}

void StoreLogTests::policyVersionsCountUp()
{
    const QByteArray docs[] = {R"({"categories":{}})", R"({"categories":{"a":1}})", "{\n  \"x\": \"ü\"\n}\n"};
    int expectedVersion = 0;
    for (const QByteArray &doc : docs) {
        m_clock.advance(1000);
        auto saved = m_store->savePolicyVersion(doc, QStringLiteral("admin"));
        CS_VERIFY_OK(saved);
        QCOMPARE(saved->version, ++expectedVersion);
        QCOMPARE(saved->document, doc);
        QCOMPARE(saved->createdAt, m_clock.now());
    }
    CS_VERIFY_ERROR(m_store->savePolicyVersion(QByteArray(), QStringLiteral("admin")), ErrorCode::InvalidArgument);
    auto list = m_store->policyVersions();
    CS_VERIFY_OK(list);
    QCOMPARE(list->size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(list->at(i).version, i + 1);
        QCOMPARE(list->at(i).document, docs[i]);
        QCOMPARE(list->at(i).actor, QStringLiteral("admin"));
        QCOMPARE(list->at(i).createdAt, T0.addSecs(i + 1));
    }
    auto current = m_store->currentPolicy();
    CS_VERIFY_OK(current);
    QVERIFY(current->has_value());
    QCOMPARE((*current)->version, 3);
    QCOMPARE((*current)->document, docs[2]);
}

} // namespace Countersign::Test
