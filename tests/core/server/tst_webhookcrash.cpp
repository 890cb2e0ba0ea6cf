// Issue 22 (part 1): kill -9 of the real countersign-server while webhook deliveries are
// committed but not delivered loses none of them and sends none twice: after the restart the
// receiver gets exactly the committed events, each under one delivery id.
#include "httpclient.h"
#include "serverprocess.h"
#include "testserver.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestWebhookCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killNineBeforeDeliveryThenRestartDeliversEachCommittedEventOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("countersign.db"));
        const QByteArray admin = ServerProcess::createToken(db, QStringLiteral("admin"), QStringLiteral("ada"));
        const QByteArray agent = ServerProcess::createToken(db, QStringLiteral("agent"), QStringLiteral("bot"));
        QVERIFY(!admin.isEmpty() && !agent.isEmpty());
        const QStringList arguments{QStringLiteral("--db"), db, QStringLiteral("--webhook-allow-private")};

        // The receiver's port is taken, then closed: every attempt before the kill is refused.
        WebhookReceiver receiver;
        QVERIFY(receiver.listen());
        const quint16 port = receiver.port();
        receiver.close();

        constexpr int Actions = 6;
        QSet<QString> committed;
        QString hookId;
        {
            ServerProcess server;
            QVERIFY(server.start(arguments));
            HttpClient http(server.url());
            const HttpResult hook = http.post(QStringLiteral("/v1/webhooks"),
                QJsonObject{{QStringLiteral("url"), receiver.url()},
                    {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}},
                admin);
            QCOMPARE(hook.status, 201);
            hookId = hook.json().value(QLatin1String("id")).toString();
            for (int i = 0; i < Actions; ++i) {
                const HttpResult r = http.post(QStringLiteral("/v1/actions"), TestServer::submitBody(), agent);
                QCOMPARE(r.status, 201);
                committed.insert(r.json().value(QLatin1String("id")).toString());
            }
            // Every delivery has failed once (refused) and waits for its retry, no claim held.
            const QString path = QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId);
            auto failedOnce = [&] {
                const QJsonArray items = http.get(path, admin).json().value(QLatin1String("items")).toArray();
                int n = 0;
                for (const QJsonValue &v : items)
                    n += v.toObject().value(QLatin1String("attempts")).toInt() >= 1
                        && v.toObject().value(QLatin1String("status")).toString() == QLatin1String("pending");
                return n;
            };
            QTRY_COMPARE_WITH_TIMEOUT(failedOnce(), Actions, 15000);
            server.process().kill(); // SIGKILL
            QVERIFY(server.waitForExit(10000));
        }
        QVERIFY(receiver.requests().isEmpty());

        QVERIFY(receiver.listen(port));
        ServerProcess server;
        QVERIFY(server.start(arguments));
        HttpClient http(server.url());
        // Retries are due within the first delay (5 s, jittered).
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), Actions, 20000);
        const QString path = QStringLiteral("/v1/webhooks/%1/deliveries").arg(hookId);
        auto delivered = [&] {
            const QJsonArray items = http.get(path, admin).json().value(QLatin1String("items")).toArray();
            int n = 0;
            for (const QJsonValue &v : items)
                n += v.toObject().value(QLatin1String("status")).toString() == QLatin1String("delivered");
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(delivered(), Actions, 10000);
        // Exactly the committed events, each once, each under its own delivery id.
        QCOMPARE(receiver.requests().size(), Actions);
        QSet<QString> actions;
        QSet<QByteArray> deliveries;
        for (const WebhookReceiver::Request &r : receiver.requests()) {
            actions.insert(QJsonDocument::fromJson(r.body).object().value(QLatin1String("action_id")).toString());
            deliveries.insert(r.header("x-countersign-delivery"));
        }
        QCOMPARE(actions, committed);
        QCOMPARE(deliveries.size(), qsizetype(Actions));

        server.process().terminate();
        QVERIFY(server.waitForExit(10000));
    }
};

QTEST_GUILESS_MAIN(TestWebhookCrash)
#include "tst_webhookcrash.moc"
