#include "routetestcase.h"
#include "server/storeworker.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestBatch : public RouteTestCase
{
    Q_OBJECT
private Q_SLOTS:
    void eachIdGetsItsResultInOneCommit()
    {
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(submit());
        // One already decided, one unknown.
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(ids.at(3)),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita)
                     .status,
            200);
        ids.append(QStringLiteral("no-such-action"));

        const auto before = m_server->server().storeWorker()->stats();
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/decisions/batch"),
            QJsonObject{{QStringLiteral("ids"), QJsonArray::fromStringList(ids)},
                {QStringLiteral("outcome"), QStringLiteral("reject")},
                {QStringLiteral("reason"), QStringLiteral("duplicate campaign")}},
            m_rita);
        const auto after = m_server->server().storeWorker()->stats();
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("category")).toString(), QStringLiteral("communications"));
        QCOMPARE(o.value(QLatin1String("succeeded")).toInt(), 3);
        QCOMPARE(o.value(QLatin1String("failed")).toInt(), 2);
        const QJsonArray results = o.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 5);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject item = results.at(i).toObject();
            QCOMPARE(item.value(QLatin1String("id")).toString(), ids.at(i));
            QVERIFY(item.value(QLatin1String("ok")).toBool());
            QCOMPARE(item.value(QLatin1String("action")).toObject().value(QLatin1String("state")).toString(),
                QStringLiteral("rejected"));
            QCOMPARE(item.value(QLatin1String("action")).toObject().value(QLatin1String("reason")).toString(),
                QStringLiteral("duplicate campaign"));
        }
        QCOMPARE(results.at(3).toObject().value(QLatin1String("status")).toInt(), 409);
        QCOMPARE(results.at(4).toObject().value(QLatin1String("status")).toInt(), 404);
        QCOMPARE(
            results.at(4).toObject().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
            QStringLiteral("not_found"));
        // Three decisions, one store batch, one commit.
        QCOMPARE(after.changes - before.changes, 3);
        QCOMPARE(after.batches - before.batches, 1);
    }

    void categoriesMustMatch()
    {
        const QString email = submit();
        const QString refund = submit(QStringLiteral("refund.issue"));
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/decisions/batch"),
            QJsonObject{{QStringLiteral("ids"), QJsonArray{email, refund}},
                {QStringLiteral("outcome"), QStringLiteral("approve")}},
            m_rita);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("ids"));
        QVERIFY(r.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(refund));
        // Nothing was decided.
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions/") + email, m_rita)
                     .json()
                     .value(QLatin1String("state"))
                     .toString(),
            QStringLiteral("pending"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no ids") << QByteArray("{\"ids\":[],\"outcome\":\"approve\"}") << QStringLiteral("ids");
        QTest::newRow("ids not strings") << QByteArray("{\"ids\":[1],\"outcome\":\"approve\"}")
                                         << QStringLiteral("ids[0]");
        QTest::newRow("duplicate ids") << QByteArray("{\"ids\":[\"a\",\"a\"],\"outcome\":\"approve\"}")
                                       << QStringLiteral("ids[1]");
        QTest::newRow("modify") << QByteArray("{\"ids\":[\"a\"],\"outcome\":\"modify\"}") << QStringLiteral("outcome");
        QTest::newRow("reject without reason")
            << QByteArray("{\"ids\":[\"a\"],\"outcome\":\"reject\"}") << QStringLiteral("reason");
        QTest::newRow("unknown field") << QByteArray("{\"ids\":[\"a\"],\"outcome\":\"approve\",\"all\":true}")
                                       << QStringLiteral("all");
    }
    void refusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const HttpResult r = m_server->http().postRaw(QStringLiteral("/v1/decisions/batch"), body, m_rita);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
    }

    void agentsCannotBatch()
    {
        const HttpResult r = m_server->http().postRaw(
            QStringLiteral("/v1/decisions/batch"), "{\"ids\":[\"a\"],\"outcome\":\"approve\"}", m_agent);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    }

private:
    QString submit(const QString &type = QStringLiteral("email.send_external"))
    {
        return m_server->submit(m_agent, {{QStringLiteral("type"), type}}).json().value(QLatin1String("id")).toString();
    }
};

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
