#include "policy/policyengine.h"
#include "routetestcase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

QByteArray withTier(QByteArray document, const QByteArray &type, const QByteArray &category, const QByteArray &tier)
{
    const QByteArray from = "\"" + type + "\": {\"category\": \"" + category + "\", \"tier\": \"";
    const qsizetype at = document.indexOf(from);
    if (at < 0)
        return {};
    const qsizetype end = document.indexOf('"', at + from.size());
    document.replace(at + from.size(), end - at - from.size(), tier);
    return document;
}

} // namespace

class TestPolicyRoutes : public RouteTestCase
{
    Q_OBJECT
    void setUpServer() override { m_admin = m_server->token(Role::Admin, QStringLiteral("ada")); }

private Q_SLOTS:
    void getPolicy()
    {
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/policy"), m_rita);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("version")).toInt(), 1);
        QVERIFY(r.json()
                .value(QLatin1String("document"))
                .toObject()
                .value(QLatin1String("categories"))
                .toObject()
                .contains(QLatin1String("finance")));
    }

    // An agent that knew the thresholds could shape its proposals to slip under them: the
    // policy is for reviewers and up (docs/api.md).
    void agentsCannotReadThePolicy()
    {
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/policy"), m_agent);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        QVERIFY(!r.body.contains("finance"));
        QCOMPARE(m_server->http().get(QStringLiteral("/v1/policy/versions"), m_agent).status, 403);
    }

    void invalidPolicyKeepsTheOld_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{\"version\": ") << QStringLiteral("body");
        QByteArray badSla = PolicyEngine::demoPolicy();
        badSla.replace("\"sla\": \"1h\"", "\"sla\": \"soon\"");
        QTest::newRow("bad duration") << badSla << QStringLiteral("categories.finance.sla");
        QByteArray badTier = withTier(PolicyEngine::demoPolicy(), "refund.issue", "finance", "maybe");
        QTest::newRow("bad tier") << badTier << QStringLiteral("action_types.refund.issue.tier");
    }
    void invalidPolicyKeepsTheOld()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, field);
        const HttpResult r = m_server->http().put(QStringLiteral("/v1/policy"), document, m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        if (field != QLatin1String("body"))
            QVERIFY2(r.errorField().startsWith(field.section(u'.', 0, 1)), qPrintable(r.errorField()));
        else
            QCOMPARE(r.errorField(), field);
        QCOMPARE(
            m_server->http().get(QStringLiteral("/v1/policy"), m_rita).json().value(QLatin1String("version")).toInt(),
            1);
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/policy/versions"), m_admin)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            1);
    }

    void updateIsVersionedAuditedAndStricterOnly()
    {
        const QString refund = m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("refund.issue")}})
                                   .json()
                                   .value(QLatin1String("id"))
                                   .toString();
        const QString email = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();

        // Refunds become prohibited (stricter); external email becomes auto (looser).
        QByteArray document = withTier(PolicyEngine::demoPolicy(), "refund.issue", "finance", "prohibited");
        document = withTier(document, "email.send_external", "communications", "auto");
        QVERIFY(!document.isEmpty());
        const HttpResult put = m_server->http().put(QStringLiteral("/v1/policy"), document, m_admin);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json().value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(put.json().value(QLatin1String("retiered")).toInt(), 1);
        QCOMPARE(put.json().value(QLatin1String("actor")).toString(), QStringLiteral("ada"));

        const QJsonObject r = m_server->http().get(QStringLiteral("/v1/actions/") + refund, m_agent).json();
        QCOMPARE(r.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value(QLatin1String("tier")).toString(), QStringLiteral("prohibited"));
        QCOMPARE(r.value(QLatin1String("decided_by")).toString(), QStringLiteral("policy"));
        const QJsonObject e = m_server->http().get(QStringLiteral("/v1/actions/") + email, m_agent).json();
        QCOMPARE(e.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(e.value(QLatin1String("tier")).toString(), QStringLiteral("review"));

        // New submissions follow the new policy.
        QCOMPARE(m_server->submit(m_agent).json().value(QLatin1String("state")).toString(), QStringLiteral("approved"));

        const QJsonArray versions = m_server->http()
                                        .get(QStringLiteral("/v1/policy/versions"), m_admin)
                                        .json()
                                        .value(QLatin1String("items"))
                                        .toArray();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(0).toObject().value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(
            m_server->http().get(QStringLiteral("/v1/policy"), m_rita).json().value(QLatin1String("version")).toInt(),
            2);

        const QJsonArray audit = m_server->http()
                                     .get(QStringLiteral("/v1/audit?limit=1000"), m_admin)
                                     .json()
                                     .value(QLatin1String("items"))
                                     .toArray();
        int policyEntries = 0;
        for (const QJsonValue &v : audit)
            policyEntries
                += v.toObject().value(QLatin1String("kind")).toString() == QLatin1String("policy.updated") ? 1 : 0;
        QCOMPARE(policyEntries, 2); // the initial demo policy and this update
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/audit/verify"), m_admin)
                     .json()
                     .value(QLatin1String("ok"))
                     .toBool(),
            true);
    }

private:
    QByteArray m_admin;
};

QTEST_GUILESS_MAIN(TestPolicyRoutes)
#include "tst_policyroutes.moc"
