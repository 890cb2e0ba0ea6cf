#include "server/router.h"
#include "server/submitrequest.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <algorithm>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// Who calls. Agent and OtherAgent are both agents: the resource belongs to Agent.
enum class Caller { None, BadToken, Agent, OtherAgent, Reviewer, Lead, Admin };

const QList<Caller> AllCallers{
    Caller::None, Caller::BadToken, Caller::Agent, Caller::OtherAgent, Caller::Reviewer, Caller::Lead, Caller::Admin};

QString callerName(Caller c)
{
    static const char *names[] = {"none", "bad-token", "agent", "other-agent", "reviewer", "lead", "admin"};
    return QLatin1String(names[int(c)]);
}

std::optional<Role> callerRole(Caller c)
{
    switch (c) {
    case Caller::Agent:
    case Caller::OtherAgent:
        return Role::Agent;
    case Caller::Reviewer:
        return Role::Reviewer;
    case Caller::Lead:
        return Role::Lead;
    case Caller::Admin:
        return Role::Admin;
    default:
        return std::nullopt;
    }
}

} // namespace

// OWASP API Top 10 (broken object level / function level / property level authorization),
// generated from the server's own route table: every route x every caller, on a resource that
// belongs to the agent. A route added without a body recipe here fails the test, so the matrix
// cannot silently fall behind the API.
class TestAuthMatrix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        ServerConfig config = TestServer::defaultConfig();
        // Every route is tried with a bad token: back-off on failed authentication (429) is
        // tst_auth's subject, not this matrix's.
        config.limits.authFailures = 1'000'000;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_tokens.insert(Caller::BadToken, "cs_0000000000000000000000000000000000000000000");
        m_tokens.insert(Caller::Agent, m_server->token(Role::Agent, QStringLiteral("bot")));
        m_tokens.insert(Caller::OtherAgent, m_server->token(Role::Agent, QStringLiteral("other-bot")));
        m_tokens.insert(Caller::Reviewer, m_server->token(Role::Reviewer, QStringLiteral("rita")));
        m_tokens.insert(Caller::Lead, m_server->token(Role::Lead, QStringLiteral("lena")));
        m_tokens.insert(Caller::Admin, m_server->token(Role::Admin, QStringLiteral("ada")));
        m_policy = m_server->http()
                       .get(QStringLiteral("/v1/policy"), m_tokens.value(Caller::Admin))
                       .json()
                       .value(QLatin1String("document"))
                       .toObject();
        QVERIFY(!m_policy.isEmpty());
    }
    void cleanupTestCase()
    {
        qInfo("FIGURES matrix routes=%d callers=%lld cells=%d", m_routes, qint64(AllCallers.size()), m_cells);
        m_server.reset();
    }

    void everyRouteEveryCaller()
    {
        const QList<Route> routes = m_server->server().router()->routes();
        QVERIFY(routes.size() >= 20);
        m_routes = int(routes.size());
        for (const Route &route : routes) {
            for (Caller caller : AllCallers) {
                // An action of the agent's, fresh for each cell (earlier cells change state).
                const QString own = freshAction(Caller::Agent);
                const QString foreign = freshAction(Caller::OtherAgent);
                QVERIFY(!own.isEmpty() && !foreign.isEmpty());
                QString path = route.path;
                // Agents own actions; other resources with ids (spot checks, policy proposals)
                // are reviewer-side, so for them only the function-level checks apply.
                const bool actionRoute = route.path.startsWith(QLatin1String("/v1/actions/{id}"));
                if (actionRoute)
                    path.replace(QLatin1String("{id}"), own);
                else if (route.pathParameter() == QLatin1String("id"))
                    path.replace(QLatin1String("{id}"), QStringLiteral("no-such-id"));
                else if (route.pathParameter() == QLatin1String("name"))
                    path.replace(QLatin1String("{name}"), freshTokenName());
                else
                    QVERIFY2(route.pathParameter().isEmpty(), qPrintable(route.path));
                const std::optional<QByteArray> body = bodyFor(route, own);
                QVERIFY2(body,
                    qPrintable(QStringLiteral("no body recipe for %1 (%2)").arg(route.path, route.requestSchema)));

                const HttpResult r = m_server->http().send(
                    route.methodName().toUpper().toLatin1(), path, *body, m_tokens.value(caller));
                ++m_cells;
                const QString cell = QStringLiteral("%1 %2 as %3: %4 %5")
                                         .arg(route.methodName().toUpper(), route.path, callerName(caller))
                                         .arg(r.status)
                                         .arg(QString::fromUtf8(r.body.left(300)));
                const int expected = expectedDenial(route, caller);
                if (expected != 0) {
                    QVERIFY2(r.status == expected, qPrintable(cell));
                    continue;
                }
                QVERIFY2(r.status != 401 && r.status != 403
                        && (r.status != 404 || !route.path.contains(u'{') || !actionRoute) && r.status < 500
                        && r.status > 0,
                    qPrintable(cell));
                // Object level: an agent never sees another agent's action, whatever the route.
                if (callerRole(caller) == Role::Agent)
                    QVERIFY2(!r.body.contains(foreign.toUtf8()) || caller == Caller::OtherAgent, qPrintable(cell));
                if (caller == Caller::OtherAgent)
                    QVERIFY2(!r.body.contains(own.toUtf8()), qPrintable(cell));
            }
        }
    }

    // The decisions the matrix follows, as docs/api.md states them: the route table must not
    // drift from them unnoticed. An agent may not read the policy (it would learn the
    // thresholds to stay under).
    void documentedAccess_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("access");
        QTest::newRow("read the policy") << QStringLiteral("get") << QStringLiteral("/v1/policy")
                                         << int(Access::Reviewer);
        QTest::newRow("policy versions") << QStringLiteral("get") << QStringLiteral("/v1/policy/versions")
                                         << int(Access::Reviewer);
        QTest::newRow("put the policy") << QStringLiteral("put") << QStringLiteral("/v1/policy") << int(Access::Admin);
        QTest::newRow("submit") << QStringLiteral("post") << QStringLiteral("/v1/actions") << int(Access::Agent);
        QTest::newRow("tokens") << QStringLiteral("get") << QStringLiteral("/v1/tokens") << int(Access::Admin);
    }
    void documentedAccess()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, access);
        const QList<Route> routes = m_server->server().router()->routes();
        const auto route = std::find_if(routes.cbegin(), routes.cend(), [&](const Route &r) {
            return r.methodName() == method && r.path == path;
        });
        QVERIFY2(route != routes.cend(), qPrintable(path));
        QCOMPARE(int(route->access), access);
        // And the server enforces it: an agent is refused where the route is not for agents.
        if (access != int(Access::Agent) && method == QLatin1String("get")) {
            const HttpResult r = m_server->http().get(path, m_tokens.value(Caller::Agent));
            QCOMPARE(r.status, 403);
        }
    }

    // Property level: fields the server owns cannot be set by sending them.
    void serverOwnedFieldsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        for (const QString &f : SubmitRequest::serverOwnedFieldNames())
            QTest::newRow(qPrintable(f)) << f;
    }
    void serverOwnedFieldsAreRefused()
    {
        QFETCH(QString, field);
        const QJsonValue forged = field == QLatin1String("version") ? QJsonValue(99)
            : field == QLatin1String("escalated") || field == QLatin1String("modified")
                || field == QLatin1String("unassigned")
            ? QJsonValue(true)
            : field == QLatin1String("final_payload")
            ? QJsonValue(QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}})
            : field == QLatin1String("tier")  ? QJsonValue(QStringLiteral("auto"))
            : field == QLatin1String("state") ? QJsonValue(QStringLiteral("approved"))
                                              : QJsonValue(QStringLiteral("rita"));
        const HttpResult r = m_server->submit(m_tokens.value(Caller::Agent), {{field, forged}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
        QVERIFY(r.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("server")));
    }

    void decisionCannotForgeTheReviewer_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *f : {"reviewer", "decided_by", "decided_at", "state", "tier", "agent"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void decisionCannotForgeTheReviewer()
    {
        QFETCH(QString, field);
        const QString id = freshAction(Caller::Agent);
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}, {field, QStringLiteral("admin")}},
            m_tokens.value(Caller::Reviewer));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
        // The action is untouched, and a clean decision records the caller as the reviewer.
        const HttpResult clean = m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_tokens.value(Caller::Reviewer));
        QCOMPARE(clean.status, 200);
        QCOMPARE(clean.json().value(QLatin1String("decided_by")).toString(), QStringLiteral("rita"));
    }

    void batchCannotForgeTheReviewer()
    {
        const QString id = freshAction(Caller::Agent);
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/decisions/batch"),
            QJsonObject{{QStringLiteral("ids"), QJsonArray{id}}, {QStringLiteral("outcome"), QStringLiteral("approve")},
                {QStringLiteral("reviewer"), QStringLiteral("admin")}},
            m_tokens.value(Caller::Reviewer));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("reviewer"));
    }

private:
    // 0 if the caller may use the route; else the exact status the denial must have.
    static int expectedDenial(const Route &route, Caller caller)
    {
        if (route.access == Access::Public)
            return 0;
        if (caller == Caller::None || caller == Caller::BadToken)
            return 401;
        if (!roleHasAccess(*callerRole(caller), route.access))
            return 403;
        // The other agent asking for the agent's action: it does not exist for them (no 403,
        // which would confirm the id).
        if (caller == Caller::OtherAgent && route.path.startsWith(QLatin1String("/v1/actions/{id}")))
            return 404;
        return 0;
    }

    std::optional<QByteArray> bodyFor(const Route &route, const QString &id) const
    {
        const QString s = route.requestSchema;
        QJsonObject o;
        if (s.isEmpty())
            return QByteArray();
        if (s == QLatin1String("SubmitRequest"))
            o = TestServer::submitBody();
        else if (s == QLatin1String("DecisionRequest"))
            o = {{QStringLiteral("outcome"), QStringLiteral("approve")}};
        else if (s == QLatin1String("ClaimRequest"))
            o = {};
        else if (s == QLatin1String("ReassignRequest"))
            o = {{QStringLiteral("reviewer"), QStringLiteral("rita")}};
        else if (s == QLatin1String("SnoozeRequest"))
            o = {{QStringLiteral("minutes"), 15}};
        else if (s == QLatin1String("BatchRequest"))
            o = {{QStringLiteral("ids"), QJsonArray{id}}, {QStringLiteral("outcome"), QStringLiteral("approve")}};
        else if (s == QLatin1String("PolicyDocument"))
            o = m_policy;
        else if (s == QLatin1String("WebhookRequest")) // a documentation address: nothing is reached
            o = {{QStringLiteral("url"), QStringLiteral("https://192.0.2.1/hook")},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("action.created")}}};
        else if (s == QLatin1String("SpotCheckVerdict"))
            o = {{QStringLiteral("verdict"), QStringLiteral("ok")}};
        else if (s == QLatin1String("PolicyProposalRequest"))
            o = {{QStringLiteral("changes"), QJsonArray()}};
        else if (s == QLatin1String("PolicySimulationRequest"))
            o = {{QStringLiteral("policy"), m_policy}};
        else if (s == QLatin1String("ProposalRejection"))
            o = {{QStringLiteral("reason"), QStringLiteral("not now")}};
        else if (s == QLatin1String("TokenRequest"))
            o = {{QStringLiteral("name"), QStringLiteral("made-%1").arg(++m_made)},
                {QStringLiteral("role"), QStringLiteral("agent")}};
        else
            return std::nullopt;
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    QString freshAction(Caller owner)
    {
        return m_server->submit(m_tokens.value(owner)).json().value(QLatin1String("id")).toString();
    }

    QString freshTokenName()
    {
        const QString name = QStringLiteral("victim-%1").arg(++m_made);
        m_server->token(Role::Agent, name);
        return name;
    }

    std::unique_ptr<TestServer> m_server;
    QMap<Caller, QByteArray> m_tokens;
    QJsonObject m_policy;
    mutable int m_made = 0;
    int m_routes = 0;
    int m_cells = 0;
};

QTEST_GUILESS_MAIN(TestAuthMatrix)
#include "tst_authmatrix.moc"
