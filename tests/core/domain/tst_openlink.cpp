#include "domain/openlink.h"
#include "testresult.h"

#include <QTest>

using namespace Countersign;

// countersign://open links (issue 22): what the app accepts from a chat message or e-mail.
class TestOpenLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        OpenLink link;
        link.server = QUrl(QStringLiteral("https://queue.example.com:8443/countersign"));
        link.actionId = QStringLiteral("01938f2e-7c1a-7b3e-9f00-1234567890ab");
        const QUrl url = link.toUrl();
        QCOMPARE(url.scheme(), QStringLiteral("countersign"));
        QVERIFY2(url.toString(QUrl::FullyEncoded)
                     .startsWith(QStringLiteral("countersign://open?server=https%3A%2F%2Fqueue.example.com")),
            qPrintable(url.toString(QUrl::FullyEncoded)));
        const auto back = OpenLink::parse(url.toString(QUrl::FullyEncoded));
        CS_VERIFY_OK(back);
        QCOMPARE(*back, link);
        // Written by hand, unencoded, as people paste them.
        const auto plain
            = OpenLink::parse(QStringLiteral("countersign://open?server=http://127.0.0.1:8470&action=abc-1"));
        QVERIFY(plain);
        QCOMPARE(plain->server, QUrl(QStringLiteral("http://127.0.0.1:8470")));
        QCOMPARE(plain->actionId, QStringLiteral("abc-1"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("other scheme") << QStringLiteral("https://open?server=http://a&action=x")
                                      << QStringLiteral("link");
        QTest::newRow("other verb") << QStringLiteral("countersign://delete?server=http://a&action=x")
                                    << QStringLiteral("link");
        QTest::newRow("a path") << QStringLiteral("countersign://open/x?server=http://a&action=x")
                                << QStringLiteral("link");
        QTest::newRow("unknown part") << QStringLiteral("countersign://open?server=http://a&action=x&token=t")
                                      << QStringLiteral("link");
        QTest::newRow("no server") << QStringLiteral("countersign://open?action=x") << QStringLiteral("server");
        QTest::newRow("server twice") << QStringLiteral("countersign://open?server=http://a&server=http://b&action=x")
                                      << QStringLiteral("server");
        QTest::newRow("file server") << QStringLiteral("countersign://open?server=file:///etc&action=x")
                                     << QStringLiteral("server");
        QTest::newRow("javascript server")
            << QStringLiteral("countersign://open?server=javascript:alert(1)&action=x") << QStringLiteral("server");
        QTest::newRow("credentials") << QStringLiteral("countersign://open?server=http://u:p@a&action=x")
                                     << QStringLiteral("server");
        QTest::newRow("server with a query")
            << QStringLiteral("countersign://open?server=http%3A%2F%2Fa%2F%3Fx%3D1&action=x")
            << QStringLiteral("server");
        QTest::newRow("no action") << QStringLiteral("countersign://open?server=http://a") << QStringLiteral("action");
        QTest::newRow("markup action") << QStringLiteral("countersign://open?server=http://a&action=%3Cb%3E")
                                       << QStringLiteral("action");
        QTest::newRow("path action") << QStringLiteral("countersign://open?server=http://a&action=..%2Fx")
                                     << QStringLiteral("action");
    }

    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        const auto link = OpenLink::parse(text);
        QVERIFY2(!link, qPrintable(text));
        QCOMPARE(link.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(link.error().field, field);
    }

    void sameServer()
    {
        const QUrl a(QStringLiteral("https://Queue.example.com/cs/"));
        QVERIFY(OpenLink::sameServer(a, QUrl(QStringLiteral("https://queue.example.com:443/cs"))));
        QVERIFY(!OpenLink::sameServer(a, QUrl(QStringLiteral("http://queue.example.com/cs"))));
        QVERIFY(!OpenLink::sameServer(a, QUrl(QStringLiteral("https://queue.example.com:8443/cs"))));
        QVERIFY(!OpenLink::sameServer(a, QUrl(QStringLiteral("https://queue.example.com/other"))));
        QVERIFY(!OpenLink::sameServer(a, QUrl(QStringLiteral("https://queue.example.com.evil.test/cs"))));
    }
};

QTEST_GUILESS_MAIN(TestOpenLink)
#include "tst_openlink.moc"
