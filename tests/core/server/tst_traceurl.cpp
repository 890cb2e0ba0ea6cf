// Issue 22: an action's trace_url (the agent's run), validated at submission, stored and
// returned, on SQLite (tst_traceurl) and PostgreSQL (tst_traceurl_postgres).
#include "backendtestserver.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

class TestTraceUrl : public BackendRouteTestCase
{
    Q_OBJECT
private Q_SLOTS:
    void storedAndReturned()
    {
        const QString trace = QStringLiteral("https://runs.example.com/r/42?step=3&view=full#tool-call");
        const HttpResult submitted = m_server->submit(m_agent, {{QStringLiteral("trace_url"), trace}});
        QCOMPARE(submitted.status, 201);
        QCOMPARE(submitted.json().value(QLatin1String("trace_url")).toString(), trace);
        const QString id = submitted.json().value(QLatin1String("id")).toString();
        HttpClient &http = m_server->http();
        QCOMPARE(http.get(QStringLiteral("/v1/actions/") + id, m_rita).json().value(QLatin1String("trace_url")),
            QJsonValue(trace));
        const QJsonArray items
            = http.get(QStringLiteral("/v1/actions"), m_rita).json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(QLatin1String("trace_url")), QJsonValue(trace));
        // It stays through changes of the action.
        QCOMPARE(http.post(QStringLiteral("/v1/actions/%1/claim").arg(id), {}, m_rita)
                     .json()
                     .value(QLatin1String("trace_url")),
            QJsonValue(trace));
        // Without one the field is null.
        const HttpResult plain = m_server->submit(m_agent);
        QVERIFY(plain.json().value(QLatin1String("trace_url")).isNull());
    }

    void refusedNamingTheField_data()
    {
        QTest::addColumn<QJsonValue>("trace");
        QTest::newRow("javascript") << QJsonValue(QStringLiteral("javascript:alert(document.cookie)"));
        QTest::newRow("file") << QJsonValue(QStringLiteral("file:///home/rita/.ssh/id_ed25519"));
        QTest::newRow("ftp") << QJsonValue(QStringLiteral("ftp://runs.example.com/r/42"));
        QTest::newRow("no scheme") << QJsonValue(QStringLiteral("runs.example.com/r/42"));
        QTest::newRow("space") << QJsonValue(QStringLiteral("https://runs.example.com/r 42"));
        QTest::newRow("too long") << QJsonValue(QStringLiteral("https://e.com/") + QString(2035, u'a'));
        QTest::newRow("number") << QJsonValue(42);
    }

    void refusedNamingTheField()
    {
        QFETCH(QJsonValue, trace);
        const HttpResult r = m_server->submit(m_agent, {{QStringLiteral("trace_url"), trace}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("trace_url"));
    }
};

QTEST_GUILESS_MAIN(TestTraceUrl)
#include "tst_traceurl.moc"
