#include "storequerytests.h"

#include "storetestdata.h"

#include <QTest>

#include <algorithm>

using namespace std::chrono_literals;

namespace Countersign::Test {

namespace {

QStringList ids(const QList<Action> &actions)
{
    QStringList list;
    for (const Action &a : actions)
        list.append(a.id);
    return list;
}

ActionQuery filter(std::optional<ActionState> state, const char *category = nullptr, const char *type = nullptr,
    const char *agent = nullptr, const char *claimedBy = nullptr)
{
    ActionQuery q;
    q.state = state;
    q.category = QLatin1String(category);
    q.type = QLatin1String(type);
    q.agent = QLatin1String(agent);
    q.claimedBy = QLatin1String(claimedBy);
    return q;
}

void addSorts(const char *name)
{
    for (auto [sort, label] : {std::pair{ActionQuery::Sort::Deadline, "deadline"},
             std::pair{ActionQuery::Sort::Age, "age"}, std::pair{ActionQuery::Sort::Confidence, "confidence"}}) {
        QTest::addRow("%s/%s", name, label) << sort;
    }
}

} // namespace

bool StoreQueryTests::buildQueue(int count)
{
    if (!insertAll(generatedActions(count, QStringLiteral("q"), 20260101)))
        return false;
    // Deterministic variety: every 5th claimed, every 7th escalated, every 6th approved.
    const QList<Action> all = m_model.values();
    for (int i = 0; i < all.size(); ++i) {
        const Action &a = all.at(i);
        if (i % 6 == 0) {
            if (!apply(approved(a, QStringLiteral("alice"), T0.addSecs(30)), QStringLiteral("action.decided")))
                return false;
            continue;
        }
        if (i % 5 == 0) {
            const QString reviewer = i % 2 ? QStringLiteral("bob") : QStringLiteral("carol");
            if (!apply(claimed(a, reviewer, T0, 3600s), QStringLiteral("action.claimed"), reviewer))
                return false;
        }
        if (i % 7 == 0 && !apply(escalated(m_model.value(a.id), T0.addSecs(60)), QStringLiteral("action.escalated")))
            return false;
    }
    return true;
}

QList<Action> StoreQueryTests::expected(const ActionQuery &q) const
{
    QList<Action> list;
    for (const Action &a : m_model) {
        if ((q.state && a.state != *q.state) || (!q.category.isEmpty() && a.category != q.category)
            || (!q.type.isEmpty() && a.type != q.type) || (!q.agent.isEmpty() && a.agent != q.agent)
            || (!q.claimedBy.isEmpty() && a.claimedBy != q.claimedBy))
            continue;
        const bool mine = a.isSnoozedFor(q.snoozer, q.now);
        if ((q.snoozed == ActionQuery::Snoozed::Exclude && mine) || (q.snoozed == ActionQuery::Snoozed::Only && !mine))
            continue;
        list.append(a);
    }
    std::sort(list.begin(), list.end(), [&q](const Action &a, const Action &b) {
        return sortsBefore(a, b, q.sort);
    });
    return list;
}

QStringList StoreQueryTests::listAll(ActionQuery query, int pageSize, int *pages)
{
    QStringList seen;
    query.limit = pageSize;
    query.cursor.clear();
    int count = 0;
    for (;;) {
        auto page = m_store->actions(query);
        if (!page) {
            QTest::qFail(qPrintable(page.error().message), __FILE__, __LINE__);
            return seen;
        }
        ++count;
        if (count > m_model.size() + 2) { // a cursor that does not advance must fail, not hang
            QTest::qFail("paging does not come to an end", __FILE__, __LINE__);
            return seen;
        }
        if (page->items.size() > pageSize) {
            QTest::qFail("a page is larger than its limit", __FILE__, __LINE__);
            return seen;
        }
        seen += ids(page->items);
        if (page->nextCursor.isEmpty())
            break;
        query.cursor = page->nextCursor;
    }
    if (pages)
        *pages = count;
    return seen;
}

void StoreQueryTests::filtersAndSorts_data()
{
    QTest::addColumn<ActionQuery::Sort>("sort");
    addSorts("sorts");
}

void StoreQueryTests::filtersAndSorts()
{
    QFETCH(ActionQuery::Sort, sort);
    QVERIFY(buildQueue(120));
    QList<ActionQuery> queries;
    queries.append(filter(std::nullopt));
    for (ActionState s : {ActionState::Pending, ActionState::Approved, ActionState::Rejected})
        queries.append(filter(s));
    for (const char *c : {"billing", "email", "infra", "data", "none"})
        queries.append(filter(ActionState::Pending, c));
    for (const char *t : {"refund.issue", "db.query", "shell.exec"})
        queries.append(filter(std::nullopt, nullptr, t));
    for (const char *agent : {"bot-a", "bot-b", "bot-c"})
        queries.append(filter(std::nullopt, nullptr, nullptr, agent));
    for (const char *reviewer : {"bob", "carol"})
        queries.append(filter(ActionState::Pending, nullptr, nullptr, nullptr, reviewer));
    queries.append(filter(ActionState::Pending, "billing", "refund.issue", "bot-b"));
    int nonEmpty = 0;
    for (ActionQuery q : queries) {
        q.sort = sort;
        q.limit = 1000;
        const QStringList want = ids(expected(q));
        nonEmpty += want.isEmpty() ? 0 : 1;
        auto page = m_store->actions(q);
        CS_VERIFY_OK(page);
        QCOMPARE(ids(page->items), want);
        QVERIFY(page->nextCursor.isEmpty());
    }
    QVERIFY2(nonEmpty >= queries.size() - 2, "the generated queue should exercise almost every filter");
}

void StoreQueryTests::pagesConcatenateToTheFullListing_data()
{
    QTest::addColumn<ActionQuery::Sort>("sort");
    addSorts("pages");
}

void StoreQueryTests::pagesConcatenateToTheFullListing()
{
    QFETCH(ActionQuery::Sort, sort);
    QVERIFY(buildQueue(90));
    for (int pageSize : {1, 7, 30, 89, 90, 91}) {
        ActionQuery q;
        q.sort = sort;
        int pages = 0;
        QCOMPARE(listAll(q, pageSize, &pages), ids(expected(q)));
        QCOMPARE(pages, qMax(1, int((m_model.size() + pageSize - 1) / pageSize)));
        q.state = ActionState::Pending;
        QCOMPARE(listAll(q, pageSize), ids(expected(q)));
    }
}

// A reviewer's live snoozes leave (or alone make up) their listing, filtered in SQL so that
// keyset pages come back full; a snooze whose time has passed counts for nothing.
void StoreQueryTests::snoozeFilters()
{
    QVERIFY(buildQueue(80));
    const QList<Action> all = m_model.values();
    for (int i = 0; i < all.size(); ++i) {
        const Action &a = all.at(i);
        if (a.state != ActionState::Pending || i % 3 == 0)
            continue;
        Action n = a;
        ++n.version;
        n.snoozedBy = i % 2 ? QStringLiteral("bob") : QStringLiteral("carol");
        n.snoozedUntil = T0.addSecs(i % 4 == 1 ? 60 : 3600); // some end a minute in
        QVERIFY(apply(n, QStringLiteral("action.snoozed"), n.snoozedBy));
    }
    int nonEmpty = 0;
    for (const char *who : {"bob", "carol", "dave"}) {
        for (const QDateTime &now : {T0, T0.addSecs(60), T0.addSecs(3600)}) {
            for (auto mode : {ActionQuery::Snoozed::Exclude, ActionQuery::Snoozed::Only}) {
                for (auto sort : {ActionQuery::Sort::Deadline, ActionQuery::Sort::Age}) {
                    ActionQuery q;
                    q.state = ActionState::Pending;
                    q.sort = sort;
                    q.snoozed = mode;
                    q.snoozer = QLatin1String(who);
                    q.now = now;
                    const QStringList want = ids(expected(q));
                    nonEmpty += want.isEmpty() ? 0 : 1;
                    QCOMPARE(listAll(q, 7), want);
                }
            }
        }
    }
    QVERIFY2(nonEmpty >= 14, "the snoozes should exercise both filters");
    ActionQuery everything;
    everything.snoozer = QStringLiteral("bob");
    everything.now = T0;
    QCOMPARE(listAll(everything, 50).size(), m_model.size()); // Include leaves nothing out
}

void StoreQueryTests::limitIsClamped()
{
    QVERIFY(insertAll(generatedActions(1005, QStringLiteral("many"), 3)));
    ActionQuery q;
    q.limit = 0;
    auto page = m_store->actions(q);
    CS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    q.limit = -5;
    QCOMPARE(m_store->actions(q)->items.size(), 1);
    q.limit = 5000;
    page = m_store->actions(q);
    CS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1000);
    QVERIFY(!page->nextCursor.isEmpty());
    q.cursor = page->nextCursor;
    page = m_store->actions(q);
    CS_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 5);
    QVERIFY(page->nextCursor.isEmpty());
}

void StoreQueryTests::foreignCursorsAreRejected()
{
    QVERIFY(insertAll(generatedActions(10, QStringLiteral("c"), 5)));
    ActionQuery q;
    q.limit = 3;
    q.sort = ActionQuery::Sort::Age;
    auto page = m_store->actions(q);
    CS_VERIFY_OK(page);
    QVERIFY(!page->nextCursor.isEmpty());

    ActionQuery other = q;
    other.sort = ActionQuery::Sort::Confidence;
    other.cursor = page->nextCursor;
    CS_VERIFY_ERROR(m_store->actions(other), ErrorCode::InvalidArgument);
    QCOMPARE(m_store->actions(other).error().field, QStringLiteral("cursor"));
    for (const char *garbage : {"!!!", "bm90IGEgY3Vyc29y", "YXw", "%%%%"}) {
        q.cursor = QLatin1String(garbage);
        CS_VERIFY_ERROR(m_store->actions(q), ErrorCode::InvalidArgument);
    }
}

void StoreQueryTests::pagingAChangingQueueNeverRepeats_data()
{
    QTest::addColumn<ActionQuery::Sort>("sort");
    addSorts("changing");
}

void StoreQueryTests::pagingAChangingQueueNeverRepeats()
{
    QFETCH(ActionQuery::Sort, sort);
    const QList<Action> initial = generatedActions(60, QStringLiteral("live"), 99);
    QVERIFY(insertAll(initial));
    QSet<QString> touched; // decided or inserted during the walk
    QStringList seen;
    ActionQuery q;
    q.state = ActionState::Pending;
    q.sort = sort;
    q.limit = 6;
    QRandomGenerator rng(1234);
    int round = 0;
    for (;;) {
        auto page = m_store->actions(q);
        CS_VERIFY_OK(page);
        seen += ids(page->items);
        if (page->nextCursor.isEmpty())
            break;
        QVERIFY2(round < 100, "paging does not come to an end");
        q.cursor = page->nextCursor;
        // Between pages the queue moves: two actions are decided, two arrive (their keys
        // fall anywhere, before or after the cursor).
        QList<Action> pending;
        for (const Action &a : std::as_const(m_model)) {
            if (a.state == ActionState::Pending)
                pending.append(a);
        }
        for (int i = 0; i < 2 && !pending.isEmpty(); ++i) {
            const Action victim = pending.takeAt(rng.bounded(int(pending.size())));
            QVERIFY(apply(approved(victim, QStringLiteral("alice"), T0.addSecs(5)), QStringLiteral("action.decided")));
            touched.insert(victim.id);
        }
        ++round;
        const QList<Action> arrivals = generatedActions(2, QStringLiteral("new%1").arg(round), quint32(500 + round));
        QVERIFY(insertAll(arrivals));
        for (const Action &a : arrivals)
            touched.insert(a.id);
    }
    // No item twice, and every action pending from start to end was listed exactly once.
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
    for (const Action &a : initial) {
        if (!touched.contains(a.id))
            QVERIFY2(seen.contains(a.id), qPrintable(a.id));
    }
    QVERIFY(round > 5);
}

void StoreQueryTests::dueActions()
{
    const QDateTime now = T0.addSecs(3600);
    auto make = [&](const char *id, qint64 createdOffset) {
        Action a = pendingAction(QLatin1String(id), T0.addSecs(createdOffset));
        a.slaDueAt = now.addSecs(600);
        a.expiresAt = now.addSecs(7200);
        return a;
    };
    Action slaPassed = make("sla-passed", 30);
    slaPassed.slaDueAt = now.addSecs(-1);
    Action slaExactlyNow = make("sla-now", 40);
    slaExactlyNow.slaDueAt = now;
    Action slaEscalated = make("sla-escalated", 10);
    slaEscalated.slaDueAt = now.addSecs(-100);
    Action expired = make("expired", 20);
    expired.expiresAt = now.addSecs(-5);
    Action leaseLapsed = make("lease-lapsed", 5);
    Action leaseLive = make("lease-live", 6);
    Action notDue = make("not-due", 1);
    Action noDeadline = make("no-deadline", 2);
    noDeadline.slaDueAt = QDateTime();
    Action decided = make("decided", 0);
    decided.slaDueAt = now.addSecs(-1000);
    QVERIFY(insertAll(
        {slaPassed, slaExactlyNow, slaEscalated, expired, leaseLapsed, leaseLive, notDue, noDeadline, decided}));
    QVERIFY(apply(escalated(slaEscalated, now.addSecs(-50)), QStringLiteral("action.escalated")));
    QVERIFY(
        apply(claimed(leaseLapsed, QStringLiteral("bob"), now.addSecs(-400), 300s), QStringLiteral("action.claimed")));
    QVERIFY(
        apply(claimed(leaseLive, QStringLiteral("bob"), now.addSecs(-100), 300s), QStringLiteral("action.claimed")));
    QVERIFY(apply(approved(decided, QStringLiteral("alice"), now.addSecs(-10)), QStringLiteral("action.decided")));

    // The rule, from the model: pending, and SLA passed unescalated, expiry passed or lease lapsed.
    QList<Action> want;
    for (const Action &a : std::as_const(m_model)) {
        const bool sla = !a.escalated && a.slaDueAt.isValid() && a.slaDueAt <= now;
        const bool expiry = a.expiresAt.isValid() && a.expiresAt <= now;
        const bool lease = !a.claimedBy.isEmpty() && !a.isClaimedAt(now);
        if (a.state == ActionState::Pending && (sla || expiry || lease))
            want.append(a);
    }
    std::sort(want.begin(), want.end(), [](const Action &a, const Action &b) {
        return sortsBefore(a, b, ActionQuery::Sort::Age);
    });
    QCOMPARE(want.size(), 4);
    auto due = m_store->dueActions(now, 100);
    CS_VERIFY_OK(due);
    QCOMPARE(ids(*due), ids(want));
    due = m_store->dueActions(now, 2);
    CS_VERIFY_OK(due);
    QCOMPARE(ids(*due), ids(want.mid(0, 2)));
    due = m_store->dueActions(T0, 100);
    CS_VERIFY_OK(due);
    QVERIFY(due->isEmpty());
}

void StoreQueryTests::queueStats()
{
    QVERIFY(buildQueue(80));
    const QDateTime now = T0.addSecs(1200);
    auto stats = m_store->queueStats(now);
    CS_VERIFY_OK(stats);

    QMap<QString, QueueStats::Category> want;
    QMap<QString, qint64> claims;
    qint64 total = 0;
    for (const Action &a : std::as_const(m_model)) {
        if (a.state != ActionState::Pending)
            continue;
        auto &c = want[a.category];
        c.name = a.category;
        ++c.depth;
        c.oldestAgeSeconds = qMax(c.oldestAgeSeconds, a.createdAt.secsTo(now));
        c.slaBreaches += a.slaDueAt.isValid() && a.slaDueAt <= now ? 1 : 0;
        c.escalated += a.escalated ? 1 : 0;
        ++total;
        if (a.isClaimedAt(now))
            ++claims[a.claimedBy];
    }
    QCOMPARE(stats->categories.size(), want.size());
    for (const auto &c : stats->categories) {
        const auto &w = want.value(c.name);
        QCOMPARE(c.depth, w.depth);
        QCOMPARE(c.oldestAgeSeconds, w.oldestAgeSeconds);
        QCOMPARE(c.slaBreaches, w.slaBreaches);
        QCOMPARE(c.escalated, w.escalated);
    }
    QVERIFY(std::is_sorted(stats->categories.cbegin(), stats->categories.cend(), [](const auto &a, const auto &b) {
        return a.name < b.name;
    }));
    QCOMPARE(stats->totalDepth, total);
    QCOMPARE(stats->claimedByReviewer, claims);
    QVERIFY(!claims.isEmpty());
    qint64 oldest = 0;
    for (const auto &w : want)
        oldest = qMax(oldest, w.oldestAgeSeconds);
    QCOMPARE(stats->oldestAgeSeconds, oldest);

    // Past every lease, nobody holds a claim any more.
    stats = m_store->queueStats(T0.addSecs(3600));
    CS_VERIFY_OK(stats);
    QVERIFY(stats->claimedByReviewer.isEmpty());
}

} // namespace Countersign::Test
