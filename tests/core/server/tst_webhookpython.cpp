// Issue 22 (part 1): examples/webhook-receiver.py (Python standard library) accepts a real
// delivery from the server, verifying its signature and timestamp, and rejects a tampered one.
#include "testserver.h"

#include "server/webhookdispatcher.h"
#include "webhook/webhooksignature.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;
using namespace std::chrono_literals;

class TestWebhookPython : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (m_python.isEmpty())
            QSKIP("python3 is not installed");
    }

    void receiverVerifiesARealDeliveryAndRejectsATamperedOne()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.webhooks.allowPrivate = true;
        config.webhooks.poll = 20ms;
        TestServer server(config);
        QVERIFY(server.start());
        // The receiver checks the timestamp against its own clock.
        server.clock().set(QDateTime::currentDateTimeUtc());
        const QByteArray admin = server.token(Role::Admin, QStringLiteral("ada"));
        const QByteArray agent = server.token(Role::Agent, QStringLiteral("bot"));

        QTcpServer probe; // a free port for the receiver
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const QString url = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);
        const HttpResult hook = server.http().post(QStringLiteral("/v1/webhooks"),
            QJsonObject{
                {QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}},
            admin);
        QCOMPARE(hook.status, 201);
        const QString secret = hook.json().value(QLatin1String("secret")).toString();

        QProcess receiver;
        receiver.setProcessChannelMode(QProcess::MergedChannels);
        receiver.start(m_python,
            {QStringLiteral(COUNTERSIGN_EXAMPLES_DIR "/webhook-receiver.py"), QStringLiteral("--port"),
                QString::number(port), QStringLiteral("--secret"), secret});
        QByteArray output;
        auto read = [&] {
            output += receiver.readAll();
            return output;
        };
        QTRY_VERIFY_WITH_TIMEOUT(read().contains("listening on"), 10000);

        QSignalSpy attempts(server.server().webhookDispatcher(), &WebhookDispatcher::attempted);
        const HttpResult submitted = server.submit(agent);
        QCOMPARE(submitted.status, 201);
        const QString id = submitted.json().value(QLatin1String("id")).toString();
        QTRY_COMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).at(1).toInt(), 204); // accepted
        QTRY_VERIFY(read().contains(QByteArray("accepted ")));
        QVERIFY2(output.contains(id.toUtf8()), output.constData());

        // Signed for one body, sent with another: rejected. Signed right but an hour old (a
        // replay): rejected too.
        QNetworkAccessManager nam;
        auto post = [&](const QByteArray &body, qint64 timestamp, const QByteArray &signedBody) {
            QNetworkRequest request{QUrl(url)};
            request.setRawHeader("Content-Type", "application/json");
            request.setRawHeader("X-Countersign-Timestamp", QByteArray::number(timestamp));
            request.setRawHeader(
                "X-Countersign-Signature", WebhookSignature::sign(secret.toUtf8(), timestamp, signedBody));
            std::unique_ptr<QNetworkReply> reply(nam.post(request, body));
            if (!QTest::qWaitFor(
                    [&] {
                        return reply->isFinished();
                    },
                    10000))
                return -1;
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        const QByteArray body(R"({"type":"action.created","action_id":"forged"})");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(post(body, now, QByteArray(body).replace("forged", "genuine")), 401);
        QTRY_VERIFY(read().contains("rejected signature does not match"));
        QCOMPARE(post(body, now - 3600, body), 401);
        QTRY_VERIFY(read().contains("rejected timestamp outside"));
        // The same request signed now is accepted: the checks above failed for their reason only.
        QCOMPARE(post(body, now, body), 204);

        receiver.kill();
        receiver.waitForFinished(5000);
    }

private:
    QString m_python;
};

QTEST_GUILESS_MAIN(TestWebhookPython)
#include "tst_webhookpython.moc"
