// Two QueueServer instances on one PostgreSQL database, as behind a load balancer: reviewers
// racing on both never double-claim or double-decide, a WebSocket subscriber on one instance
// sees what happens on the other (with the database's seq, so since= works anywhere), a long
// poll on one wakes when the decision lands on the other, two schedulers apply each expiry
// once, reports, spot checks and proposals read on one instance count what the other
// wrote, and a token revoked on one instance loses its sockets and long polls on the other. The server comes from the
// ctest fixture "postgres"; without it the test skips.
#include "postgrestestserver.h"
#include "server/eventsequencer.h"
#include "storetestdata.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

constexpr int Reviewers = 50;

struct Subscriber {
    QWebSocket socket;
    QList<QJsonObject> events;

    Subscriber()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value(QLatin1String("type")).toString() != QLatin1String("hello"))
                events.append(o);
        });
    }
    bool open(const QUrl &base, const QByteArray &token, const QString &query = {})
    {
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/v1/events"));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        return connected.wait(5000);
    }
    QList<QJsonObject> ofAction(const QString &id) const
    {
        QList<QJsonObject> found;
        for (const auto &e : events) {
            if (e.value(QLatin1String("action_id")).toString() == id)
                found.append(e);
        }
        return found;
    }
};

// One reviewer: its own client (own connections), on one instance, with its own token.
struct Reviewer {
    QString name;
    QUrl base;
    QByteArray token;
    std::shared_ptr<QNetworkAccessManager> nam = std::make_shared<QNetworkAccessManager>();
};

qint64 scalar(const QString &url, const QString &sql)
{
    auto v = PostgresTestServer::exec(url, sql);
    if (!v) {
        qWarning("%s", qPrintable(v.error().message));
        return -1;
    }
    return v->toLongLong();
}

} // namespace

class TestClusterPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const auto why = PostgresTestServer::unavailableReason())
            QSKIP(qPrintable(*why));
    }

    void init()
    {
        auto url = PostgresTestServer::createDatabase();
        CS_VERIFY_OK(url);
        m_url = *url;
        ServerConfig config = TestServer::defaultConfig();
        config.storeLocation = m_url;
        config.spotCheckFraction = 1.0; // every auto-approval is sampled, on either instance
        m_a = std::make_unique<TestServer>(config);
        m_b = std::make_unique<TestServer>(config);
        QVERIFY(m_a->start());
        QVERIFY(m_b->start());
        QVERIFY(m_a->server().eventSequencer());
        QVERIFY(m_b->server().eventSequencer());
        m_agentA = m_a->token(Role::Agent, QStringLiteral("bot"));
        m_agentB = m_b->token(Role::Agent, QStringLiteral("bot"));
    }

    void cleanup()
    {
        m_a.reset();
        m_b.reset();
    }

    void racingReviewersClaimAndDecideOnce()
    {
        QList<Reviewer> reviewers;
        for (int i = 0; i < Reviewers; ++i) {
            TestServer &server = i % 2 == 0 ? *m_a : *m_b;
            Reviewer r;
            r.name = QStringLiteral("rev-%1").arg(i);
            r.base = server.url();
            r.token = server.token(Role::Reviewer, r.name);
            QVERIFY(!r.token.isEmpty());
            reviewers.append(std::move(r));
        }
        const QStringList toClaim = submitMany(*m_a, m_agentA, 10, QStringLiteral("claim"));
        const QStringList toDecide = submitMany(*m_b, m_agentB, 10, QStringLiteral("decide"));
        QCOMPARE(toClaim.size(), 10);
        QCOMPARE(toDecide.size(), 10);

        // Every reviewer claims every item at once, half of them through each instance.
        QHash<QString, int> claimWins;
        int unexpected = 0;
        QVERIFY(race(reviewers, toClaim, "claim", QJsonObject(), claimWins, unexpected));
        QCOMPARE(unexpected, 0);
        for (const QString &id : toClaim)
            QVERIFY2(claimWins.value(id) == 1,
                qPrintable(QStringLiteral("%1 claimed %2 times").arg(id).arg(claimWins.value(id))));
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM events WHERE type = 'action.claimed'")), 10);

        QHash<QString, int> decisionWins;
        QVERIFY(race(reviewers, toDecide, "decision",
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, decisionWins, unexpected));
        QCOMPARE(unexpected, 0);
        for (const QString &id : toDecide)
            QVERIFY2(decisionWins.value(id) == 1,
                qPrintable(QStringLiteral("%1 decided %2 times").arg(id).arg(decisionWins.value(id))));
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM events WHERE type = 'action.decided'")), 10);
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM actions WHERE state = 'approved'")), 10);

        // Both instances wrote one linear audit chain.
        const HttpResult verified = m_b->http().get(QStringLiteral("/v1/audit/verify"), m_b->token(Role::Admin));
        if (verified.status == 200)
            QVERIFY2(verified.json().value(QLatin1String("ok")).toBool(), verified.body.constData());
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM audit")),
            scalar(m_url, QStringLiteral("SELECT max(seq) FROM audit")));
    }

    void subscriberOnASeesDecisionOnB()
    {
        const QByteArray lead = m_a->token(Role::Lead, QStringLiteral("lena"));
        Subscriber onA;
        QVERIFY(onA.open(m_a->url(), lead));
        const QByteArray rita = m_b->token(Role::Reviewer, QStringLiteral("rita"));
        const HttpResult submitted = m_b->submit(m_agentB);
        QCOMPARE(submitted.status, 201);
        const QString id = submitted.json().value(QLatin1String("id")).toString();
        const HttpResult decided = m_b->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, rita);
        QCOMPARE(decided.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(onA.ofAction(id).size(), 2, 5000);
        const QList<QJsonObject> seen = onA.ofAction(id);
        QCOMPARE(seen.at(0).value(QLatin1String("type")).toString(), QStringLiteral("action.created"));
        QCOMPARE(seen.at(1).value(QLatin1String("type")).toString(), QStringLiteral("action.decided"));
        QCOMPARE(seen.at(1).value(QLatin1String("action")).toObject().value(QLatin1String("state")).toString(),
            QStringLiteral("approved"));
        // The seqs are the database's: resuming on the other instance with since= continues exactly.
        const qint64 createdSeq = seen.at(0).value(QLatin1String("seq")).toInteger();
        QCOMPARE(seen.at(1).value(QLatin1String("seq")).toInteger(),
            scalar(m_url, QStringLiteral("SELECT max(seq) FROM events")));
        Subscriber onB;
        QVERIFY(onB.open(
            m_b->url(), m_b->token(Role::Lead, QStringLiteral("lena")), QStringLiteral("since=%1").arg(createdSeq)));
        QTRY_COMPARE_WITH_TIMEOUT(onB.events.size(), 1, 5000);
        QCOMPARE(onB.events.constFirst().value(QLatin1String("type")).toString(), QStringLiteral("action.decided"));

        // A stream of changes made on both instances arrives on A in seq order, each once.
        for (int i = 0; i < 10; ++i)
            QCOMPARE((i % 2 ? *m_a : *m_b).submit(i % 2 ? m_agentA : m_agentB).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(onA.events.size(), 12, 5000);
        QTest::qWait(200); // a duplicate, were one sent, would have arrived by now
        QCOMPARE(onA.events.size(), 12);
        for (qsizetype i = 1; i < onA.events.size(); ++i)
            QCOMPARE(onA.events.at(i).value(QLatin1String("seq")).toInteger(),
                onA.events.at(i - 1).value(QLatin1String("seq")).toInteger() + 1);
    }

    void longPollOnBWakesWhenDecidedOnA()
    {
        const HttpResult submitted = m_a->submit(m_agentA);
        QCOMPARE(submitted.status, 201);
        const QString id = submitted.json().value(QLatin1String("id")).toString();
        QNetworkReply *poll = m_b->http().start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(id), {}, m_agentB);
        QTRY_COMPARE(m_b->server().longPolls(), 1); // parked on B
        QVERIFY(!poll->isFinished());
        QElapsedTimer timer;
        timer.start();
        const QByteArray rita = m_a->token(Role::Reviewer, QStringLiteral("rita"));
        QCOMPARE(m_a->http()
                     .post(QStringLiteral("/v1/actions/%1/decision").arg(id),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, rita)
                     .status,
            200);
        const HttpResult answer = HttpClient::wait(poll, 10000);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QVERIFY2(timer.elapsed() < 5000, "the long poll on B was not woken by the decision on A");
    }

    // A token revoked through A ends its WebSocket and its long poll on B within a second:
    // B sees the revocation on its token refresh (ServerConfig::tokenRefresh).
    void revocationOnAEndsSocketsAndLongPollsOnB()
    {
        const QByteArray admin = m_a->token(Role::Admin, QStringLiteral("ada"));
        const QByteArray rita = m_b->token(Role::Reviewer, QStringLiteral("rita"));
        const QByteArray doomed = m_b->token(Role::Agent, QStringLiteral("doomed-bot"));
        Subscriber onB;
        QVERIFY(onB.open(m_b->url(), rita));
        const HttpResult submitted = m_b->submit(doomed);
        QCOMPARE(submitted.status, 201);
        const QString id = submitted.json().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(onB.ofAction(id).size(), 1, 5000);
        QNetworkReply *poll = m_b->http().start("GET", QStringLiteral("/v1/actions/%1?wait=30").arg(id), {}, doomed);
        QSignalSpy closed(&onB.socket, &QWebSocket::disconnected);

        QCOMPARE(m_a->http().del(QStringLiteral("/v1/tokens/rita"), admin).status, 200);
        QCOMPARE(m_a->http().del(QStringLiteral("/v1/tokens/doomed-bot"), admin).status, 200);
        QElapsedTimer sinceRevoked;
        sinceRevoked.start();
        QVERIFY(closed.wait(3000));
        const qint64 closedAfter = sinceRevoked.elapsed();
        const HttpResult answer = HttpClient::wait(poll, 3000);
        qInfo("FIGURES revocation on A: socket on B closed after %lld ms, long poll on B answered after %lld ms",
            closedAfter, sinceRevoked.elapsed());
        QCOMPARE(answer.status, 401);
        QCOMPARE(onB.socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY2(closedAfter < 1000, qPrintable(QString::number(closedAfter)));
        QVERIFY2(sinceRevoked.elapsed() < 1000, qPrintable(QString::number(sinceRevoked.elapsed())));
        QCOMPARE(m_b->http().get(QStringLiteral("/v1/me"), rita).status, 401);
    }

    void twoSchedulersExpireEachActionOnce()
    {
        constexpr int Count = 30;
        QStringList ids;
        for (int i = 0; i < Count; ++i) {
            const HttpResult r = (i % 2 ? *m_a : *m_b)
                                     .submit(i % 2 ? m_agentA : m_agentB,
                                         QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")},
                                             {QStringLiteral("expires_in_s"), 600}});
            QCOMPARE(r.status, 201);
            ids.append(r.json().value(QLatin1String("id")).toString());
        }
        m_a->clock().advance(11 * 60 * 1000);
        m_b->clock().advance(11 * 60 * 1000);
        QSignalSpy doneA(m_a->server().scheduler(), &Scheduler::passFinished);
        QSignalSpy doneB(m_b->server().scheduler(), &Scheduler::passFinished);
        m_a->server().scheduler()->runOnce();
        m_b->server().scheduler()->runOnce();
        QTRY_VERIFY_WITH_TIMEOUT(!doneA.isEmpty() && !doneB.isEmpty(), 10000);
        const auto a = doneA.first().first().value<SchedulerReport>();
        const auto b = doneB.first().first().value<SchedulerReport>();
        QVERIFY2(a.error.isEmpty() && b.error.isEmpty(), qPrintable(a.error + b.error));
        QCOMPARE(a.committed + b.committed, Count);
        QCOMPARE(scalar(m_url,
                     QStringLiteral("SELECT count(*) FROM events WHERE type <> 'action.created' AND action_id IN "
                                    "(SELECT id FROM actions WHERE state <> 'pending')")),
            Count);
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM actions WHERE state = 'pending'")), 0);
        // Another round on either finds nothing left to do.
        SchedulerReport again;
        QVERIFY(m_b->runScheduler(&again));
        QCOMPARE(again.committed, 0);
        QVERIFY(m_a->runScheduler(&again));
        QCOMPARE(again.committed, 0);
    }

    void reportsOnACountDecisionsOnB()
    {
        const QByteArray rita = m_b->token(Role::Reviewer, QStringLiteral("rita"));
        auto decide = [&](const QString &id, const QJsonObject &body) {
            return m_b->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id), body, rita).status;
        };
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(m_b->submit(m_agentB).json().value(QLatin1String("id")).toString());
        const QString autoApproved
            = m_b->submit(m_agentB, QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")}})
                  .json()
                  .value(QLatin1String("id"))
                  .toString();
        QCOMPARE(m_a->submit(m_agentA).status, 201); // submitted on A, left pending
        m_b->clock().advance(60 * 1000);
        const QJsonObject approve{{QStringLiteral("outcome"), QStringLiteral("approve")}};
        QCOMPARE(decide(ids.at(0), approve), 200);
        QCOMPARE(decide(ids.at(1), approve), 200);
        QCOMPARE(decide(ids.at(2),
                     QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                         {QStringLiteral("reason"), QStringLiteral("no")}}),
            200);

        // Read on A: the rollup B kept in its commits.
        const QByteArray lead = m_a->token(Role::Lead, QStringLiteral("lena"));
        const HttpResult byType = m_a->http().get(QStringLiteral("/v1/reports/approvals?group_by=type"), lead);
        QCOMPARE(byType.status, 200);
        QJsonObject external;
        QJsonObject internal;
        for (const QJsonValue &g : byType.json().value(QLatin1String("groups")).toArray()) {
            const QString key = g.toObject().value(QLatin1String("key")).toString();
            if (key == QLatin1String("email.send_external"))
                external = g.toObject();
            else if (key == QLatin1String("email.send_internal"))
                internal = g.toObject();
        }
        QCOMPARE(external.value(QLatin1String("submitted")).toInt(), 5);
        QCOMPARE(external.value(QLatin1String("reviewed")).toInt(), 3);
        QCOMPARE(external.value(QLatin1String("approved")).toInt(), 2);
        QCOMPARE(external.value(QLatin1String("rejected")).toInt(), 1);
        QCOMPARE(internal.value(QLatin1String("auto_approved")).toInt(), 1);
        const HttpResult byReviewer = m_a->http().get(QStringLiteral("/v1/reports/approvals?group_by=reviewer"), lead);
        const QJsonArray reviewers = byReviewer.json().value(QLatin1String("groups")).toArray();
        QCOMPARE(reviewers.size(), 1);
        QCOMPARE(reviewers.at(0).toObject().value(QLatin1String("key")).toString(), QStringLiteral("rita"));
        QCOMPARE(reviewers.at(0).toObject().value(QLatin1String("reviewed")).toInt(), 3);

        // The spot checks B sampled (the auto-approval and rita's two approvals) are read on A;
        // the auto-approval's is checked there, once across both instances.
        const QByteArray ritaOnA = m_a->token(Role::Reviewer, QStringLiteral("rita"));
        const HttpResult open = m_a->http().get(QStringLiteral("/v1/spotchecks?state=open"), ritaOnA);
        QCOMPARE(open.status, 200);
        const QJsonArray items = open.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 3);
        QStringList reviewed;
        for (const QJsonValue &item : items) {
            const QJsonObject check = item.toObject();
            const QString id = check.value(QLatin1String("id")).toString();
            const QString source = check.value(QLatin1String("source")).toString();
            QCOMPARE(source, id == autoApproved ? QStringLiteral("auto") : QStringLiteral("review"));
            if (id != autoApproved) {
                QCOMPARE(check.value(QLatin1String("approved_by")).toString(), QStringLiteral("rita"));
                reviewed.append(id);
            }
        }
        reviewed.sort();
        QStringList approvedByRita{ids.at(0), ids.at(1)};
        approvedByRita.sort();
        QCOMPARE(reviewed, approvedByRita);
        // rita may not judge her own approval on either instance.
        const QJsonObject verdict{{QStringLiteral("verdict"), QStringLiteral("ok")}};
        QCOMPARE(m_a->http().post(QStringLiteral("/v1/spotchecks/%1").arg(ids.at(0)), verdict, ritaOnA).status, 409);
        const QString path = QStringLiteral("/v1/spotchecks/%1").arg(autoApproved);
        const QJsonObject ok{{QStringLiteral("verdict"), QStringLiteral("ok")}};
        QCOMPARE(m_a->http().post(path, ok, ritaOnA).status, 200);
        QCOMPARE(m_b->http().post(path, ok, rita).status, 409);

        // Both instances' report writes joined the one audit chain.
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM audit WHERE kind LIKE 'spotcheck%'")), 1);
        QCOMPARE(scalar(m_url, QStringLiteral("SELECT count(*) FROM audit")),
            scalar(m_url, QStringLiteral("SELECT max(seq) FROM audit")));
        const HttpResult verified = m_a->http().get(QStringLiteral("/v1/audit/verify"), m_a->token(Role::Admin));
        if (verified.status == 200)
            QVERIFY2(verified.json().value(QLatin1String("ok")).toBool(), verified.body.constData());
    }

private:
    QStringList submitMany(TestServer &server, const QByteArray &agent, int count, const QString &tag)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            const HttpResult r = server.submit(
                agent, QJsonObject{{QStringLiteral("idempotency_key"), QStringLiteral("%1-%2").arg(tag).arg(i)}});
            if (r.status == 201)
                ids.append(r.json().value(QLatin1String("id")).toString());
        }
        return ids;
    }

    // Every reviewer posts `what` on every item at once; counts the 200 answers per item and the
    // answers that are neither 200 nor 409; false if some answer did not arrive in time.
    bool race(QList<Reviewer> &reviewers, const QStringList &ids, const char *what, const QJsonObject &body,
        QHash<QString, int> &wins, int &unexpected)
    {
        int pending = 0;
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        for (int round = 0; round < ids.size(); ++round) {
            for (qsizetype r = 0; r < reviewers.size(); ++r) {
                // Each reviewer walks the items from another starting point.
                const QString id = ids.at((round + r) % ids.size());
                QUrl url = reviewers[r].base;
                url.setPath(QStringLiteral("/v1/actions/%1/%2").arg(id, QLatin1String(what)));
                QNetworkRequest request(url);
                request.setRawHeader("Authorization", "Bearer " + reviewers[r].token);
                request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
                QNetworkReply *reply = reviewers[r].nam->post(request, payload);
                ++pending;
                connect(reply, &QNetworkReply::finished, this, [&, reply, id] {
                    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    if (status == 200)
                        ++wins[id];
                    else if (status != 409)
                        ++unexpected;
                    --pending;
                    reply->deleteLater();
                });
            }
        }
        return QTest::qWaitFor(
            [&] {
                return pending == 0;
            },
            40000);
    }

    QString m_url;
    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;
    QByteArray m_agentA;
    QByteArray m_agentB;
};

QTEST_MAIN(TestClusterPostgres)
#include "tst_cluster_postgres.moc"
