#include "routetestcase.h"
#include "server/waiterregistry.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestLongPoll : public RouteTestCase
{
    Q_OBJECT
    void setUpServer() override { m_id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString(); }

private Q_SLOTS:
    void decisionWakesTheWaiter()
    {
        QNetworkReply *waiting
            = m_server->http().start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(m_id), {}, m_agent);
        QTRY_COMPARE(m_server->server().longPolls(), 1);
        QVERIFY(!waiting->isFinished());
        QElapsedTimer timer;
        timer.start();
        const HttpResult decided = m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(m_id),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita);
        QCOMPARE(decided.status, 200);
        const HttpResult woken = HttpClient::wait(waiting, 5000);
        QCOMPARE(woken.status, 200);
        QVERIFY2(timer.elapsed() < 2000, "the waiter was not woken by the decision");
        QCOMPARE(woken.json().value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(woken.json(), decided.json());
    }

    void manyWaitersOnManyActions()
    {
        QStringList ids{m_id};
        for (int i = 0; i < 9; ++i)
            ids.append(m_server->submit(m_agent).json().value(QLatin1String("id")).toString());
        // A QNetworkAccessManager opens at most six connections per host: one client per five waiters.
        std::vector<std::unique_ptr<HttpClient>> clients;
        QList<QNetworkReply *> waiting;
        for (const QString &id : std::as_const(ids)) {
            for (int i = 0; i < 3; ++i) {
                if (waiting.size() % 5 == 0)
                    clients.push_back(std::make_unique<HttpClient>(m_server->url()));
                waiting.append(
                    clients.back()->start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(id), {}, m_agent));
            }
        }
        QTRY_COMPARE(m_server->server().longPolls(), int(waiting.size()));
        for (const QString &id : std::as_const(ids)) {
            QCOMPARE(m_server->http()
                         .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                             QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                                 {QStringLiteral("reason"), QStringLiteral("no")}},
                             m_rita)
                         .status,
                200);
        }
        for (int i = 0; i < waiting.size(); ++i) {
            const HttpResult r = HttpClient::wait(waiting.at(i), 5000);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QLatin1String("id")).toString(), ids.at(i / 3));
            QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        }
    }

    void waitRunsOut()
    {
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/actions/%1?wait=1").arg(m_id), m_agent);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QVERIFY(r.elapsedMs >= 950);
        QVERIFY(r.elapsedMs < 5000);
    }

    void settledAnswersAtOnce()
    {
        QCOMPARE(m_server->http().post(QStringLiteral("/v1/actions/%1/withdraw").arg(m_id), {}, m_agent).status, 200);
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/actions/%1?wait=30").arg(m_id), m_agent);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("withdrawn"));
        QVERIFY(r.elapsedMs < 1000);
    }

    void withdrawAndExpiryWakeToo()
    {
        QNetworkReply *waiting
            = m_server->http().start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(m_id), {}, m_agent);
        QTRY_COMPARE(m_server->server().longPolls(), 1);
        // The category (communications) rejects on expiry after 24 h.
        m_server->clock().advance(qint64(25) * 3600 * 1000);
        QVERIFY(m_server->runScheduler());
        const HttpResult r = HttpClient::wait(waiting, 5000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.json().value(QLatin1String("decided_by")).toString(), QStringLiteral("expiry"));
    }

    void waitParameterIsChecked_data()
    {
        QTest::addColumn<QString>("wait");
        QTest::newRow("too long") << QStringLiteral("56");
        QTest::newRow("negative") << QStringLiteral("-1");
        QTest::newRow("text") << QStringLiteral("soon");
    }
    void waitParameterIsChecked()
    {
        QFETCH(QString, wait);
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/actions/%1?wait=%2").arg(m_id, wait), m_agent);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("wait"));
    }

    void othersCannotWaitOnIt()
    {
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/actions/%1?wait=5").arg(m_id),
            m_server->token(Role::Agent, QStringLiteral("other-bot")));
        QCOMPARE(r.status, 404);
        QVERIFY(r.elapsedMs < 1000);
    }

    void clientThatLeavesIsForgotten()
    {
        QNetworkReply *waiting
            = m_server->http().start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(m_id), {}, m_agent);
        QTRY_COMPARE(m_server->server().longPolls(), 1);
        waiting->abort();
        waiting->deleteLater();
        QTest::qWait(100); // the server reads the close; it learns it has no one to answer only when it answers
        // The decision finds no one to answer and nothing breaks.
        QCOMPARE(m_server->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(m_id),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita)
                     .status,
            200);
        QCOMPARE(m_server->http().get(QStringLiteral("/healthz")).status, 200);
    }

private:
    QString m_id;
};

QTEST_GUILESS_MAIN(TestLongPoll)
#include "tst_longpoll.moc"
