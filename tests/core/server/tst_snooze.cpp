// Issue 22: snooze ("not now"), POST/DELETE /v1/actions/{id}/snooze and the listing's `snoozed`
// filter, on a real loopback server with a manual clock. The same suite runs on SQLite
// (tst_snooze) and on PostgreSQL (tst_snooze_postgres, COUNTERSIGN_TEST_POSTGRES).
#include "backendtestserver.h"
#include "testserver.h"

#include "domain/timeformat.h"

#include <QJsonArray>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

QStringList listedIds(const HttpResult &r)
{
    QStringList ids;
    const QJsonArray items = r.json().value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(QLatin1String("id")).toString());
    ids.sort(); // ids made within one millisecond of the manual clock need not sort in order
    return ids;
}

QJsonObject byId(const HttpResult &r, const QString &id)
{
    const QJsonArray items = r.json().value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        if (item.toObject().value(QLatin1String("id")).toString() == id)
            return item.toObject();
    }
    return {};
}

} // namespace

class TestSnooze : public BackendRouteTestCase
{
    Q_OBJECT
    void setUpServer() override
    {
        m_sam = m_server->token(Role::Reviewer, QStringLiteral("sam"));
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
        m_ids.clear();
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = m_server->submit(m_agent);
            QCOMPARE(r.status, 201);
            m_ids.append(r.json().value(QLatin1String("id")).toString());
        }
        m_ids.sort();
    }

private Q_SLOTS:
    void hiddenForMeVisibleAndMarkedForOthers()
    {
        HttpClient &http = m_server->http();
        const QString id = m_ids.at(1);
        QCOMPARE(http.post(path(id, "claim"), {}, m_rita).status, 200);
        const HttpResult snoozed = http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), 15}}, m_rita);
        QCOMPARE(snoozed.status, 200);
        const QJsonObject a = snoozed.json();
        QCOMPARE(a.value(QLatin1String("snoozed_by")).toString(), QStringLiteral("rita"));
        QCOMPARE(
            a.value(QLatin1String("snoozed_until")).toString(), toIsoUtc(m_server->clock().now().addSecs(15 * 60)));
        QVERIFY(a.value(QLatin1String("claimed_by")).isNull()); // the claim is released

        // rita's default queue leaves it out; `include` and `only` show it.
        const QString pending = QStringLiteral("/v1/actions?state=pending");
        QCOMPARE(listedIds(http.get(pending, m_rita)), (QStringList{m_ids.at(0), m_ids.at(2)}));
        QCOMPARE(listedIds(http.get(pending + QStringLiteral("&snoozed=include"), m_rita)), m_ids);
        QCOMPARE(listedIds(http.get(pending + QStringLiteral("&snoozed=only"), m_rita)), QStringList{id});
        // sam still sees it, marked; so does the lead, and the agent.
        const HttpResult samSees = http.get(pending, m_sam);
        QCOMPARE(listedIds(samSees), m_ids);
        QCOMPARE(byId(samSees, id).value(QLatin1String("snoozed_by")).toString(), QStringLiteral("rita"));
        QVERIFY(byId(samSees, m_ids.at(0)).value(QLatin1String("snoozed_by")).isNull());
        QCOMPARE(listedIds(http.get(pending + QStringLiteral("&snoozed=only"), m_sam)), QStringList());
        QCOMPARE(listedIds(http.get(pending, m_lead)), m_ids);
        QCOMPARE(listedIds(http.get(pending, m_agent)), m_ids);
        // sam may claim and decide it meanwhile; someone else's snooze is not his to end.
        QCOMPARE(http.del(path(id, "snooze"), m_sam).status, 409);
        QCOMPARE(http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), 5}}, m_sam).status, 409);
        QCOMPARE(http.post(path(id, "claim"), {}, m_sam).status, 200);
    }

    void reappearsAtTheTime()
    {
        HttpClient &http = m_server->http();
        const QString id = m_ids.at(0);
        const QString until = toIsoUtc(m_server->clock().now().addSecs(3600));
        QCOMPARE(http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("until"), until}}, m_rita).status, 200);
        QVERIFY(!listedIds(http.get(QStringLiteral("/v1/actions"), m_rita)).contains(id));
        m_server->clock().advance(3599 * 1000);
        QVERIFY(!listedIds(http.get(QStringLiteral("/v1/actions"), m_rita)).contains(id));
        // Nothing has to fire: at the time the item is simply back.
        m_server->clock().advance(1000);
        QVERIFY(listedIds(http.get(QStringLiteral("/v1/actions"), m_rita)).contains(id));
        QCOMPARE(listedIds(http.get(QStringLiteral("/v1/actions?snoozed=only"), m_rita)), QStringList());
        QCOMPARE(http.del(path(id, "snooze"), m_rita).status, 409); // nothing left to end
    }

    void endedEarly()
    {
        HttpClient &http = m_server->http();
        const QString id = m_ids.at(2);
        QCOMPARE(http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), 60}}, m_rita).status, 200);
        const HttpResult ended = http.del(path(id, "snooze"), m_rita);
        QCOMPARE(ended.status, 200);
        QVERIFY(ended.json().value(QLatin1String("snoozed_by")).isNull());
        QVERIFY(ended.json().value(QLatin1String("snoozed_until")).isNull());
        QVERIFY(listedIds(http.get(QStringLiteral("/v1/actions"), m_rita)).contains(id));
        // A lead may end anyone's.
        QCOMPARE(http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), 60}}, m_rita).status, 200);
        QCOMPARE(http.del(path(id, "snooze"), m_lead).status, 200);
    }

    void slaAndExpiryRunOn()
    {
        HttpClient &http = m_server->http();
        const QString id = m_ids.at(0);
        const QJsonObject before = http.get(QStringLiteral("/v1/actions/") + id, m_rita).json();
        const QDateTime deadline = fromIsoUtc(before.value(QLatin1String("deadline")).toString());
        QVERIFY(deadline.isValid());
        const qint64 toDeadline = m_server->clock().now().secsTo(deadline);
        const qint64 minutes = toDeadline / 60 + 5; // past the SLA, before the expiry
        const HttpResult snoozed
            = http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), minutes}}, m_rita);
        QCOMPARE(snoozed.status, 200);
        QCOMPARE(snoozed.json().value(QLatin1String("deadline")), before.value(QLatin1String("deadline")));
        QCOMPARE(snoozed.json().value(QLatin1String("expires_at")), before.value(QLatin1String("expires_at")));
        m_server->clock().advance((toDeadline + 1) * 1000);
        QVERIFY(m_server->runScheduler());
        const QJsonObject after = http.get(QStringLiteral("/v1/actions/") + id, m_rita).json();
        QVERIFY(after.value(QLatin1String("escalated")).toBool());
        QCOMPARE(after.value(QLatin1String("snoozed_by")).toString(), QStringLiteral("rita"));
    }

    void auditedAndOnTheStream()
    {
        HttpClient &http = m_server->http();
        const QString id = m_ids.at(0);
        const qint64 since
            = http.get(QStringLiteral("/v1/events"), m_rita).json().value(QLatin1String("last_seq")).toInteger();
        QCOMPARE(http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), 30}}, m_rita).status, 200);
        QCOMPARE(http.del(path(id, "snooze"), m_rita).status, 200);
        const QJsonArray events = http.get(QStringLiteral("/v1/events?since=%1").arg(since), m_sam)
                                      .json()
                                      .value(QLatin1String("events"))
                                      .toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value(QLatin1String("type")).toString(), QStringLiteral("action.snoozed"));
        QCOMPARE(events.at(0).toObject().value(QLatin1String("action")).toObject().value(QLatin1String("snoozed_by")),
            QJsonValue(QStringLiteral("rita")));
        QCOMPARE(events.at(1).toObject().value(QLatin1String("type")).toString(), QStringLiteral("action.unsnoozed"));

        const QJsonArray audit
            = http.get(QStringLiteral("/v1/audit?limit=1000"), m_lead).json().value(QLatin1String("items")).toArray();
        QJsonObject snoozeEntry;
        for (const QJsonValue &e : audit) {
            if (e.toObject().value(QLatin1String("kind")).toString() == QLatin1String("action.snoozed"))
                snoozeEntry = e.toObject();
        }
        QCOMPARE(snoozeEntry.value(QLatin1String("actor")).toString(), QStringLiteral("rita"));
        QCOMPARE(snoozeEntry.value(QLatin1String("subject")).toString(), id);
        QCOMPARE(snoozeEntry.value(QLatin1String("after")).toObject().value(QLatin1String("snoozed_by")).toString(),
            QStringLiteral("rita"));
        QVERIFY(http.get(QStringLiteral("/v1/audit/verify"), m_lead).json().value(QLatin1String("ok")).toBool());
    }

    void decidedIsAConflict()
    {
        HttpClient &http = m_server->http();
        const QString id = m_ids.at(0);
        QCOMPARE(
            http.post(path(id, "decision"), QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita)
                .status,
            200);
        const HttpResult r = http.post(path(id, "snooze"), QJsonObject{{QStringLiteral("minutes"), 15}}, m_rita);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(http.del(path(id, "snooze"), m_rita).status, 409);
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QDateTime now = QDateTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::UTC); // the manual clock
        QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("until");
        QTest::newRow("both") << QByteArray(R"({"until": "2026-01-01T10:00:00Z", "minutes": 5})")
                              << QStringLiteral("minutes");
        QTest::newRow("minutes 0") << QByteArray(R"({"minutes": 0})") << QStringLiteral("minutes");
        QTest::newRow("minutes over a week") << QByteArray(R"({"minutes": 10081})") << QStringLiteral("minutes");
        QTest::newRow("minutes text") << QByteArray(R"({"minutes": "5"})") << QStringLiteral("minutes");
        QTest::newRow("until no zone") << QByteArray(R"({"until": "2026-01-01T10:00:00"})") << QStringLiteral("until");
        QTest::newRow("until words") << QByteArray(R"({"until": "tomorrow"})") << QStringLiteral("until");
        QTest::newRow("until number") << QByteArray(R"({"until": 5})") << QStringLiteral("until");
        QTest::newRow("until past") << toIsoBody(now.addSecs(-60)) << QStringLiteral("until");
        QTest::newRow("until now") << toIsoBody(now) << QStringLiteral("until");
        QTest::newRow("until past expiry") << toIsoBody(now.addDays(6)) << QStringLiteral("until");
        QTest::newRow("unknown field") << QByteArray(R"({"minutes": 5, "for": "sam"})") << QStringLiteral("for");
        QTest::newRow("server-owned") << QByteArray(R"({"minutes": 5, "snoozed_by": "sam"})")
                                      << QStringLiteral("snoozed_by");
        QTest::newRow("not json") << QByteArray("{") << QString();
    }

    void badInputNamesTheField()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QCOMPARE(m_server->clock().now(), QDateTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::UTC));
        const HttpResult r = m_server->http().postRaw(path(m_ids.at(0), "snooze"), body, m_rita);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        if (!field.isEmpty())
            QCOMPARE(r.errorField(), field);
    }

    void otherRefusals()
    {
        HttpClient &http = m_server->http();
        const QJsonObject body{{QStringLiteral("minutes"), 5}};
        QCOMPARE(http.post(QStringLiteral("/v1/actions/nope/snooze"), body, m_rita).status, 404);
        QCOMPARE(http.del(QStringLiteral("/v1/actions/nope/snooze"), m_rita).status, 404);
        QCOMPARE(http.post(path(m_ids.at(0), "snooze"), body, m_agent).status, 403);
        QCOMPARE(http.post(path(m_ids.at(0), "snooze"), body, {}).status, 401);
        QCOMPARE(http.get(QStringLiteral("/v1/actions?snoozed=later"), m_rita).errorField(), QStringLiteral("snoozed"));
    }

private:
    static QString path(const QString &id, const char *what)
    {
        return QStringLiteral("/v1/actions/%1/%2").arg(id, QLatin1String(what));
    }
    static QByteArray toIsoBody(const QDateTime &t)
    {
        return QByteArrayLiteral("{\"until\": \"") + toIsoUtc(t).toUtf8() + QByteArrayLiteral("\"}");
    }

    QByteArray m_sam;
    QByteArray m_lead;
    QStringList m_ids;
};

QTEST_GUILESS_MAIN(TestSnooze)
#include "tst_snooze.moc"
