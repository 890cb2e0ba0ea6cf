#include "policy/duration.h"
#include "policy/policy.h"
#include "policy/policyengine.h"
#include "testresult.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

using namespace Countersign;

namespace {

// "example" is examples/policy.json, "demo" the bundled demo policy, anything else a file in
// tests/data/policy/policies/.
QByteArray policyDocument(const QString &name)
{
    if (name == QLatin1String("demo"))
        return PolicyEngine::demoPolicy();
    if (name == QLatin1String("example")) {
        QFile file(Test::sourcePath(QStringLiteral("examples/policy.json")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    return Test::readData(QStringLiteral("policy/policies/") + name);
}

QJsonArray tableRows(const QString &file)
{
    return QJsonDocument::fromJson(Test::readData(QStringLiteral("policy/") + file)).array();
}

ActionFacts factsFromJson(const QJsonObject &o)
{
    ActionFacts f;
    f.type = o.value(QLatin1String("type")).toString();
    f.categoryHint = o.value(QLatin1String("category_hint")).toString();
    const QJsonValue confidence = o.value(QLatin1String("confidence"));
    if (confidence.isString()) // JSON has no NaN; the table spells it "nan"
        f.confidence = std::nan("");
    else
        f.confidence = confidence.toDouble(1.0);
    f.context = o.value(QLatin1String("context")).toObject();
    return f;
}

std::chrono::seconds duration(const QJsonValue &v)
{
    const auto d = parseDuration(v.toString());
    return d ? *d : std::chrono::seconds(-1);
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QJsonObject>("facts");
        QTest::addColumn<QJsonObject>("expect");
        const QJsonArray rows = tableRows(QStringLiteral("cases.json"));
        QVERIFY(rows.size() > 50);
        for (const QJsonValue &row : rows) {
            const QJsonObject o = row.toObject();
            QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString()))
                << o.value(QLatin1String("policy")).toString() << o.value(QLatin1String("facts")).toObject()
                << o.value(QLatin1String("expect")).toObject();
        }
    }

    void evaluates()
    {
        QFETCH(QString, policy);
        QFETCH(QJsonObject, facts);
        QFETCH(QJsonObject, expect);

        const auto parsed = Policy::parse(policyDocument(policy));
        CS_VERIFY_OK(parsed);
        const PolicyEvaluation e = parsed->evaluate(factsFromJson(facts));

        QCOMPARE(tierName(e.tier), expect.value(QLatin1String("tier")).toString());
        QCOMPARE(e.category, expect.value(QLatin1String("category")).toString());
        QCOMPARE(e.reason, expect.value(QLatin1String("reason")).toString());
        QCOMPARE(e.unassigned, expect.value(QLatin1String("unassigned")).toBool());
        // The category's settings are compared where the row gives them.
        if (expect.contains(QLatin1String("sla")))
            QCOMPARE(e.sla, duration(expect.value(QLatin1String("sla"))));
        if (expect.contains(QLatin1String("expires_after")))
            QCOMPARE(e.expiresAfter, duration(expect.value(QLatin1String("expires_after"))));
        if (expect.contains(QLatin1String("on_expiry")))
            QCOMPARE(expiryOutcomeName(e.onExpiry), expect.value(QLatin1String("on_expiry")).toString());
        if (expect.contains(QLatin1String("expiry_approval_allowed")))
            QCOMPARE(e.expiryApprovalAllowed, expect.value(QLatin1String("expiry_approval_allowed")).toBool());
        if (expect.contains(QLatin1String("escalate_to"))) {
            QStringList escalate;
            for (const QJsonValue &v : expect.value(QLatin1String("escalate_to")).toArray())
                escalate.append(v.toString());
            QCOMPARE(e.escalateTo, escalate);
        }

        // The category the evaluation names is one the policy can describe.
        const auto category = parsed->category(e.category);
        QVERIFY(category);
        QCOMPARE(e.sla, category->sla);
        QCOMPARE(e.unassigned, !parsed->knowsType(facts.value(QLatin1String("type")).toString()));
    }

    void refusesInvalid_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QJsonArray rows = tableRows(QStringLiteral("invalid.json"));
        QVERIFY(rows.size() > 50);
        for (const QJsonValue &row : rows) {
            const QJsonObject o = row.toObject();
            const QByteArray document = o.contains(QLatin1String("text"))
                ? o.value(QLatin1String("text")).toString().toUtf8()
                : QJsonDocument(o.value(QLatin1String("document")).toObject()).toJson();
            QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString()))
                << document << o.value(QLatin1String("field")).toString()
                << o.value(QLatin1String("message")).toString();
        }
    }

    void refusesInvalid()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, field);
        QFETCH(QString, message);

        const auto parsed = Policy::parse(document);
        QVERIFY2(!parsed, "an invalid policy was accepted");
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().field, field);
        CS_VERIFY_ERROR_MESSAGE(parsed, message);

        // Each row breaks exactly one thing, so validate() reports exactly that.
        const QList<Error> all = Policy::validate(document);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().field, field);
    }

    void validateReportsEveryProblem()
    {
        const QByteArray document = R"({"version": 0,
            "categories": {"finance": {"sla": "soon", "expires_after": "8h", "on_expiry": "approve"}},
            "action_types": {"refund.issue": {"category": "fnance", "tier": "review"}},
            "rules": [{"when": {"context.amount_above": "5000"}, "tier": "auto", "reason": "x"}]})";
        const QList<Error> errors = Policy::validate(document);
        QStringList fields;
        for (const Error &e : errors)
            fields.append(e.field);
        fields.sort();
        QCOMPARE(fields,
            QStringList(
                {QStringLiteral("action_types.refund.issue.category"), QStringLiteral("categories.finance.on_expiry"),
                    QStringLiteral("categories.finance.sla"), QStringLiteral("rules[0].tier"),
                    QStringLiteral("rules[0].when.context.amount_above"), QStringLiteral("version")}));
        QCOMPARE(Policy::parse(document).error().field, errors.first().field);
        QVERIFY(Policy::validate(policyDocument(QStringLiteral("full.json"))).isEmpty());
    }

    void exampleIsTheDocumentAsWritten()
    {
        const QByteArray document = policyDocument(QStringLiteral("example"));
        const auto policy = Policy::parse(document);
        CS_VERIFY_OK(policy);
        QCOMPARE(policy->version(), 1);
        QCOMPARE(policy->document(), document);
        QCOMPARE(policy->categoryNames(),
            QStringList({QStringLiteral("communications"), QStringLiteral("data"), QStringLiteral("finance"),
                QStringLiteral("unassigned")}));
        QCOMPARE(policy->actionTypeNames(),
            QStringList({QStringLiteral("db.drop_table"), QStringLiteral("email.send_external"),
                QStringLiteral("email.send_internal"), QStringLiteral("refund.issue")}));
        QCOMPARE(policy->ruleCount(), 2);
        QCOMPARE(policy->prohibitionCount(), 0);
        QCOMPARE(policy->unassignedCategory(), QStringLiteral("unassigned"));
        const auto finance = policy->category(QStringLiteral("finance"));
        QVERIFY(finance);
        QCOMPARE(finance->sla, std::chrono::hours(1));
        QCOMPARE(finance->expiresAfter, std::chrono::hours(8));
        QCOMPARE(finance->onExpiry, ExpiryOutcome::Expire);
        QVERIFY(!policy->category(QStringLiteral("fnance")));
        const auto drop = policy->actionType(QStringLiteral("db.drop_table"));
        QVERIFY(drop);
        QCOMPARE(drop->tier, Tier::Prohibited);
        QCOMPARE(drop->category, QStringLiteral("data"));
        QVERIFY(!policy->knowsType(QStringLiteral("db.*")));
    }

    void demoPolicyIsARealisticSuperset()
    {
        const auto demo = Policy::parse(PolicyEngine::demoPolicy());
        CS_VERIFY_OK(demo);
        const auto example = Policy::parse(policyDocument(QStringLiteral("example")));
        QVERIFY(example);
        for (const QString &type : example->actionTypeNames()) {
            QVERIFY2(demo->knowsType(type), qPrintable(type));
            QCOMPARE(demo->actionType(type)->tier, example->actionType(type)->tier);
        }
        for (const char *type : {"code.merge_patch", "db.query", "db.migrate", "shell.run"})
            QVERIFY2(demo->knowsType(QLatin1String(type)), type);
        QCOMPARE(demo->actionType(QStringLiteral("db.drop_table"))->tier, Tier::Prohibited);
        QVERIFY(demo->ruleCount() >= 3);
        QVERIFY(demo->prohibitionCount() >= 1);
    }

    void emptyPolicyReviewsEverything()
    {
        const Policy empty;
        QCOMPARE(empty.version(), 0);
        QVERIFY(empty.actionTypeNames().isEmpty());
        QCOMPARE(empty.categoryNames(), QStringList{QStringLiteral("unassigned")});
        ActionFacts facts;
        facts.type = QStringLiteral("email.send_internal");
        facts.categoryHint = QStringLiteral("communications");
        const PolicyEvaluation e = empty.evaluate(facts);
        QCOMPARE(e.tier, Tier::Review);
        QVERIFY(e.unassigned);
        QCOMPARE(e.category, QStringLiteral("unassigned"));
        QCOMPARE(e.sla, std::chrono::hours(4));
        QCOMPARE(e.expiresAfter, std::chrono::hours(24));
        QCOMPARE(e.onExpiry, ExpiryOutcome::Reject);
    }

    // Copies share the parsed data and stay valid on their own.
    void copiesAreIndependentValues()
    {
        Policy copy;
        {
            const auto parsed = Policy::parse(policyDocument(QStringLiteral("full.json")));
            QVERIFY(parsed);
            copy = *parsed;
        }
        QCOMPARE(copy.version(), 7);
        ActionFacts facts;
        facts.type = QStringLiteral("refund.issue");
        facts.context = QJsonObject{{QStringLiteral("amount"), 7000}};
        QCOMPARE(copy.evaluate(facts).tier, Tier::Prohibited);
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
