// Issue 22: GET /open/{id}, the http fallback of a countersign:// link, on a loopback server.
#include "domain/openlink.h"
#include "routetestcase.h"
#include "testresult.h"

#include <QRegularExpression>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestOpenLinkPage : public RouteTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void linksWithoutShowingTheAction()
    {
        const QString id
            = submitPending({{QStringLiteral("title"), QStringLiteral("Secret merger note to <b>Ada</b>")}});
        QVERIFY(!id.isEmpty());
        const HttpResult r = m_server->http().get(QStringLiteral("/open/") + id); // no token
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(r.header("Content-Security-Policy").contains("default-src 'none'"));
        const QString page = QString::fromUtf8(r.body);
        QVERIFY(page.contains(id));
        QVERIFY(!page.contains(QStringLiteral("Secret")));
        QVERIFY(!page.contains(QStringLiteral("Ada")));
        // The link in the page opens this action on this server.
        static const QRegularExpression href(QStringLiteral("href=\"(countersign://[^\"]+)\""));
        const auto match = href.match(page);
        QVERIFY2(match.hasMatch(), qPrintable(page));
        const QString linkText = match.captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        const auto link = OpenLink::parse(linkText);
        CS_VERIFY_OK(link);
        QCOMPARE(link->actionId, id);
        QVERIFY(OpenLink::sameServer(link->server, m_server->url()));

        // A well-formed id the server does not have gets the same page: it says nothing about
        // which actions exist.
        const QString unknown = QStringLiteral("01938f2e-7c1a-7b3e-9f00-1234567890ab");
        const HttpResult other = m_server->http().get(QStringLiteral("/open/") + unknown);
        QCOMPARE(other.status, 200);
        QVERIFY(other.body.contains(unknown.toUtf8()));
    }

    void malformedIdsAreNotFound_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("word") << QStringLiteral("hello");
        QTest::newRow("markup") << QStringLiteral("%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        QTest::newRow("almost a uuid") << QStringLiteral("01938f2e-7c1a-7b3e-9f00-1234567890a");
    }

    void malformedIdsAreNotFound()
    {
        QFETCH(QString, id);
        const HttpResult r = m_server->http().get(QStringLiteral("/open/") + id);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QVERIFY(!r.body.contains("<script"));
    }
};

QTEST_GUILESS_MAIN(TestOpenLinkPage)
#include "tst_openlinkpage.moc"
