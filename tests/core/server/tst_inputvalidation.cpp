#include "server/router.h"
#include "testserver.h"

#include <QHash>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace Countersign;
using namespace Countersign::Test;

// What request bodies and query strings may hold, against a real server: JSON strings without
// raw control characters (RFC 8259), and numeric query parameters that are finite numbers,
// on every route that takes one.
class TestInputValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        m_admin = m_server->token(Role::Admin, QStringLiteral("ada"));
    }
    void cleanupTestCase() { m_server.reset(); }

    void rawControlCharactersInStringsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("codePoint");
        QTest::newRow("tab") << QByteArray("\t") << QStringLiteral("U+0009");
        QTest::newRow("escape") << QByteArray("\x1b[31m") << QStringLiteral("U+001B");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QStringLiteral("U+0000");
        QTest::newRow("newline") << QByteArray("line\nline") << QStringLiteral("U+000A");
        QTest::newRow("unit separator") << QByteArray("\x1f") << QStringLiteral("U+001F");
    }
    void rawControlCharactersInStringsAreRefused()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, codePoint);
        const QByteArray body
            = "{\"type\":\"email.send_external\",\"title\":\"Reply\",\"payload\":{\"content\":\"Hello" + raw + "\"}}";
        const HttpResult r = m_server->http().postRaw(QStringLiteral("/v1/actions"), body, m_agent);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        QCOMPARE(r.errorField(), QStringLiteral("body"));
        const QString message
            = r.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
        QVERIFY2(
            message.contains(QLatin1String("control character")) && message.contains(codePoint), qPrintable(message));
        // In a key, too.
        const HttpResult key = m_server->http().postRaw(
            QStringLiteral("/v1/actions"), "{\"ty" + raw + "pe\":\"x.y\",\"title\":\"t\",\"payload\":{}}", m_agent);
        QCOMPARE(key.status, 400);
        QCOMPARE(key.errorField(), QStringLiteral("body"));
    }

    void escapedControlCharactersAreFine()
    {
        const QByteArray body = "{\"type\":\"email.send_external\",\"title\":\"Reply\",\"payload\":{\"content\":"
                                "\"a\\tb\\nc\\u001bd\\u0000e\\\\\\\"\"}}";
        const HttpResult r = m_server->http().postRaw(QStringLiteral("/v1/actions"), body, m_agent);
        QCOMPARE(r.status, 201);
        const QString id = r.json().value(QLatin1String("id")).toString();
        const HttpResult stored = m_server->http().get(QStringLiteral("/v1/actions/%1").arg(id), m_agent);
        QCOMPARE(stored.json().value(QLatin1String("payload")).toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("a\tb\nc\x1b"
                           "d")
                + QChar(0) + QStringLiteral("e\\\""));
        // Whitespace between tokens is not inside a string: tabs and newlines there are fine.
        const QByteArray spaced = "{\n\t\"type\": \"email.send_external\",\r\n\t\"title\": \"Reply\",\n\t\"payload\": "
                                  "{\"content\": \"x\"}\n}";
        QCOMPARE(m_server->http().postRaw(QStringLiteral("/v1/actions"), spaced, m_agent).status, 201);
    }

    void nonFiniteNumbersInQueriesAreRefused_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *v : {"NaN", "nan", "inf", "-inf", "Infinity", "1e999", "-1e999"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }
    // Every numeric query parameter of every route, as the route table declares them.
    void nonFiniteNumbersInQueriesAreRefused()
    {
        QFETCH(QString, value);
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        const QHash<QString, QString> validRequired{{QStringLiteral("measure"), QStringLiteral("submitted")}};
        int checked = 0;
        for (const Route &route : m_server->server().router()->routes()) {
            for (const RouteParameter &p : route.query) {
                if (p.type != QLatin1String("integer") && p.type != QLatin1String("number"))
                    continue;
                QString path = route.path;
                path.replace(QLatin1String("{id}"), id);
                QUrlQuery query;
                // The other required parameters get a valid value, so the one under test decides.
                for (const RouteParameter &other : route.query) {
                    if (!other.required || other.name == p.name)
                        continue;
                    QVERIFY2(validRequired.contains(other.name), qPrintable(other.name));
                    query.addQueryItem(other.name, validRequired.value(other.name));
                }
                query.addQueryItem(p.name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
                const QByteArray token = route.access == Access::Agent ? m_agent : m_admin;
                const HttpResult r = m_server->http().send(route.methodName().toUpper().toLatin1(),
                    path + u'?' + query.toString(QUrl::FullyEncoded), QByteArray(), token);
                const QString cell = QStringLiteral("%1 %2?%3=%4: %5 %6")
                                         .arg(route.methodName().toUpper(), route.path, p.name, value)
                                         .arg(r.status)
                                         .arg(QString::fromUtf8(r.body.left(300)));
                QVERIFY2(r.status == 400, qPrintable(cell));
                QVERIFY2(r.errorCode() == QLatin1String("invalid_argument"), qPrintable(cell));
                QVERIFY2(r.errorField() == p.name, qPrintable(cell));
                ++checked;
            }
        }
        // promote_rate and the other thresholds, wait, limit, since, after: the table has them.
        QVERIFY(checked >= 10);
    }

    void promoteRateNaNNamesTheParameter()
    {
        const HttpResult r
            = m_server->http().get(QStringLiteral("/v1/reports/recommendations?promote_rate=NaN"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        QCOMPARE(r.errorField(), QStringLiteral("promote_rate"));
        // A finite value in range is taken.
        QCOMPARE(
            m_server->http().get(QStringLiteral("/v1/reports/recommendations?promote_rate=0.5"), m_admin).status, 200);
    }

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
    QByteArray m_admin;
};

QTEST_GUILESS_MAIN(TestInputValidation)
#include "tst_inputvalidation.moc"
