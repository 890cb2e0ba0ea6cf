#include "server/router.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

void collectRefs(const QJsonValue &value, QStringList &refs)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                refs.append(it.value().toString());
            else
                collectRefs(it.value(), refs);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectRefs(v, refs);
    }
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/openapi.json"));
        QCOMPARE(r.status, 200);
        m_document = r.json();
    }
    void cleanupTestCase() { m_server.reset(); }

    void isOpenApi31()
    {
        QCOMPARE(m_document.value(QLatin1String("openapi")).toString(), QStringLiteral("3.1.0"));
        QVERIFY(
            !m_document.value(QLatin1String("info")).toObject().value(QLatin1String("version")).toString().isEmpty());
        QVERIFY(m_document.value(QLatin1String("components"))
                .toObject()
                .value(QLatin1String("securitySchemes"))
                .toObject()
                .contains(QLatin1String("bearer")));
    }

    void routesAndDocumentMatch()
    {
        QSet<QString> routed;
        QSet<QString> operationIds;
        for (const Route &r : m_server->server().router()->routes()) {
            routed.insert(r.methodName() + u' ' + r.path);
            QVERIFY2(!operationIds.contains(r.operationId), qPrintable(r.operationId));
            operationIds.insert(r.operationId);
        }
        QSet<QString> documented;
        const QJsonObject paths = m_document.value(QLatin1String("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto m = item.begin(); m != item.end(); ++m) {
                documented.insert(m.key() + u' ' + p.key());
                QVERIFY(operationIds.contains(m.value().toObject().value(QLatin1String("operationId")).toString()));
            }
        }
        QCOMPARE(documented, routed);
        QVERIFY(routed.size() >= 23);
    }

    void everyReferenceResolves()
    {
        QStringList refs;
        collectRefs(m_document, refs);
        QVERIFY(!refs.isEmpty());
        const QJsonObject schemas
            = m_document.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        for (const QString &ref : std::as_const(refs)) {
            QVERIFY2(ref.startsWith(QLatin1String("#/components/schemas/")), qPrintable(ref));
            QVERIFY2(schemas.contains(ref.section(u'/', 3)), qPrintable(ref));
        }
    }

    // The connection layer refuses before any route (framing, slow clients, limits), so every
    // operation, public or not, documents those answers; protected ones also 401 and 403.
    void everyOperationListsTheConnectionLayersAnswers()
    {
        const QJsonObject paths = m_document.value(QLatin1String("paths")).toObject();
        int operations = 0;
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto m = item.begin(); m != item.end(); ++m) {
                const QJsonObject op = m.value().toObject();
                const QJsonObject responses = op.value(QLatin1String("responses")).toObject();
                const QString where = m.key() + u' ' + p.key();
                for (const char *status : {"400", "408", "411", "413", "429", "431", "503"})
                    QVERIFY2(
                        responses.contains(QLatin1String(status)), qPrintable(where + u' ' + QLatin1String(status)));
                const bool isPublic = op.value(QLatin1String("security")).toArray().isEmpty();
                QCOMPARE(responses.contains(QLatin1String("401")), !isPublic);
                ++operations;
            }
        }
        QVERIFY(operations >= 23);
    }

    // Each documented operation reaches a handler of the running server: it may refuse the
    // request (401, 400, 404 for the placeholder id), but never as an unknown route or method.
    void everyDocumentedOperationIsServed()
    {
        const QJsonObject paths = m_document.value(QLatin1String("paths")).toObject();
        const QByteArray admin = m_server->token(Role::Admin);
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            QString path = p.key();
            path.replace(QStringLiteral("{id}"), QStringLiteral("placeholder"))
                .replace(QStringLiteral("{name}"), QStringLiteral("placeholder"));
            const QJsonObject item = p.value().toObject();
            for (auto m = item.begin(); m != item.end(); ++m) {
                const QByteArray verb = m.key().toUpper().toLatin1();
                for (const QByteArray &token : {QByteArray(), admin}) {
                    const HttpResult r = m_server->http().send(
                        verb, path, verb == "GET" || verb == "DELETE" ? QByteArray() : QByteArray("{}"), token);
                    const QString message
                        = r.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
                    QVERIFY2(r.status != 405 && !message.startsWith(QLatin1String("no route")),
                        qPrintable(QStringLiteral("%1 %2 -> %3 %4")
                                .arg(QString::fromLatin1(verb), path)
                                .arg(r.status)
                                .arg(message)));
                    QVERIFY(r.status != 0);
                }
            }
        }
        // And what is not documented is not served.
        QCOMPARE(m_server->http().get(QStringLiteral("/v1/undocumented")).status, 404);
        QCOMPARE(m_server->http().send("PATCH", QStringLiteral("/v1/actions"), "{}", admin).status, 405);
    }

private:
    std::unique_ptr<TestServer> m_server;
    QJsonObject m_document;
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
