#include "client/eventstream.h"
#include "testserver.h"
#include "upgraderefusingproxy.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

// Behind a proxy that drops WebSocket upgrades, the event stream polls over plain HTTP and
// misses nothing; when upgrades get through again it goes live and stops polling, again
// without a gap or a duplicate.
class TestEventStreamFallback : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QByteArray m_agent;
    QHash<QString, int> m_created; // action id -> action.created events seen

    QString submit()
    {
        const HttpResult r = m_server.submit(m_agent);
        return r.json().value(QLatin1String("id")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_agent = m_server.token(Role::Agent, QStringLiteral("bot"));
    }

    void pollsWhenUpgradesAreRefusedAndGoesLiveWhenTheyPass()
    {
        UpgradeRefusingProxy proxy(m_server.port());
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        const QByteArray reviewer = m_server.token(Role::Reviewer, QStringLiteral("rita"));
        QNetworkAccessManager network;
        EventStream stream(&network);
        QList<qint64> seqs;
        connect(&stream, &EventStream::eventReceived, this, [&](const Event &e) {
            seqs.append(e.seq);
            if (e.type == QLatin1String("action.created"))
                ++m_created[e.actionId];
        });
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(proxy.serverPort());
        stream.start(url, QString::fromLatin1(reviewer), std::nullopt);

        // Three refused upgrades, then polling; it learns the sequence from its first poll.
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), EventStream::State::Polling, 20000);
        QVERIFY(proxy.refusedUpgrades() >= EventStream::FailuresBeforePolling);
        QTRY_VERIFY_WITH_TIMEOUT(stream.lastSeq() >= 0, 10000);

        QStringList whilePolling;
        for (int i = 0; i < 5; ++i)
            whilePolling.append(submit());
        for (const QString &id : std::as_const(whilePolling))
            QTRY_COMPARE_WITH_TIMEOUT(m_created.value(id), 1, 10000);
        QCOMPARE(stream.state(), EventStream::State::Polling);

        // The proxy lets upgrades through: the stream goes live (the retry backoff is capped).
        proxy.setRefusing(false);
        QStringList meanwhile{submit()}; // lands between the last poll and the WebSocket
        QTRY_COMPARE_WITH_TIMEOUT(stream.state(), EventStream::State::Live, 40000);
        meanwhile.append(submit());
        for (const QString &id : std::as_const(meanwhile))
            QTRY_COMPARE_WITH_TIMEOUT(m_created.value(id), 1, 10000);

        // No event was delivered twice, and they arrived in order.
        for (int i = 1; i < seqs.size(); ++i)
            QVERIFY2(seqs.at(i) > seqs.at(i - 1),
                qPrintable(QStringLiteral("%1 after %2").arg(seqs.at(i)).arg(seqs.at(i - 1))));
        for (auto it = m_created.cbegin(); it != m_created.cend(); ++it)
            QCOMPARE(it.value(), 1);
        stream.stop();
    }
};

QTEST_GUILESS_MAIN(TestEventStreamFallback)
#include "tst_eventstreamfallback.moc"
