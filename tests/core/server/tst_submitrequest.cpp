#include "server/jsonbody.h"
#include "server/submitrequest.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Countersign;

class TestSubmitRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invalidFields_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonArray cases
            = QJsonDocument::fromJson(Test::readData(QStringLiteral("server/submit-invalid.json"))).array();
        QVERIFY(cases.size() > 10);
        for (const QJsonValue &c : cases) {
            const QJsonObject o = c.toObject();
            QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString()))
                << o.value(QLatin1String("body")).toObject() << o.value(QLatin1String("field")).toString();
        }
    }
    void invalidFields()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto parsed = SubmitRequest::fromJson(body);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().field, field);
    }

    void invalidBodies_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QJsonArray cases
            = QJsonDocument::fromJson(Test::readData(QStringLiteral("server/bodies-invalid.json"))).array();
        QVERIFY(!cases.isEmpty());
        for (const QJsonValue &c : cases) {
            const QJsonObject o = c.toObject();
            QByteArray bytes;
            if (o.contains(QLatin1String("hex")))
                bytes = QByteArray::fromHex(o.value(QLatin1String("hex")).toString().toLatin1());
            else if (o.contains(QLatin1String("repeat")))
                bytes = o.value(QLatin1String("repeat"))
                            .toString()
                            .toUtf8()
                            .repeated(o.value(QLatin1String("count")).toInt());
            else
                bytes = o.value(QLatin1String("text")).toString().toUtf8();
            QTest::newRow(qPrintable(o.value(QLatin1String("name")).toString())) << bytes;
        }
    }
    void invalidBodies()
    {
        QFETCH(QByteArray, bytes);
        const auto parsed = JsonBody::parseObject(bytes);
        if (parsed) {
            // A body that parses must still fail validation as a submit (e.g. 1e999).
            const auto request = SubmitRequest::fromJson(*parsed);
            QVERIFY(!request);
            return;
        }
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().field, QStringLiteral("body"));
    }

    void validRequest()
    {
        const QJsonObject body{{QStringLiteral("type"), QStringLiteral("refund.issue")},
            {QStringLiteral("title"), QStringLiteral("Refund 40 EUR")},
            {QStringLiteral("payload"),
                QJsonObject{{QStringLiteral("content"), QStringLiteral("{}")},
                    {QStringLiteral("language"), QStringLiteral("json")}}},
            {QStringLiteral("context"), QJsonObject{{QStringLiteral("amount"), 40}}},
            {QStringLiteral("confidence"), 0.8}, {QStringLiteral("idempotency_key"), QStringLiteral("k-1")},
            {QStringLiteral("expires_in_s"), 60}, {QStringLiteral("category"), QStringLiteral("finance")}};
        const auto r = SubmitRequest::fromJson(body);
        QVERIFY(r);
        QCOMPARE(r->type, QStringLiteral("refund.issue"));
        QCOMPARE(r->payload.language, QStringLiteral("json"));
        QCOMPARE(r->confidence, 0.8);
        QCOMPARE(*r->expiresInSeconds, 60);
        QCOMPARE(r->requestHash.size(), 64);

        // The same body sent with its keys in another order hashes the same; a change does not.
        const QByteArray reordered
            = "{\"expires_in_s\":60,\"category\":\"finance\",\"idempotency_key\":\"k-1\","
              "\"confidence\":0.8,\"context\":{\"amount\":40},\"payload\":{\"language\":\"json\","
              "\"content\":\"{}\"},\"title\":\"Refund 40 EUR\",\"type\":\"refund.issue\"}";
        QCOMPARE(SubmitRequest::fromJson(*JsonBody::parseObject(reordered))->requestHash, r->requestHash);
        QJsonObject changed = body;
        changed.insert(QStringLiteral("title"), QStringLiteral("Refund 41 EUR"));
        QVERIFY(SubmitRequest::fromJson(changed)->requestHash != r->requestHash);
    }

    void admitFollowsThePolicy()
    {
        const auto r = SubmitRequest::fromJson(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("x.y")}, {QStringLiteral("title"), QStringLiteral("t")},
                {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), QStringLiteral("c")}}},
                {QStringLiteral("expires_in_s"), 60}});
        QVERIFY(r);
        const QDateTime now(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::UTC);
        PolicyEvaluation review;
        review.tier = Tier::Review;
        review.category = QStringLiteral("triage");
        review.sla = std::chrono::hours(1);
        review.expiresAfter = std::chrono::hours(24);
        auto pending = r->admit(QStringLiteral("bot"), review, now);
        QVERIFY(pending);
        QCOMPARE(pending->state, ActionState::Pending);
        QCOMPARE(pending->agent, QStringLiteral("bot"));
        QCOMPARE(pending->slaDueAt, now.addSecs(3600));
        QCOMPARE(pending->expiresAt, now.addSecs(60)); // the agent's expires_in_s is shorter
        QVERIFY(!pending->id.isEmpty());

        PolicyEvaluation prohibited = review;
        prohibited.tier = Tier::Prohibited;
        prohibited.reason = QStringLiteral("never");
        auto rejected = r->admit(QStringLiteral("bot"), prohibited, now);
        QCOMPARE(rejected->state, ActionState::Rejected);
        QCOMPARE(rejected->reason, QStringLiteral("never"));
        QCOMPARE(rejected->decidedBy, QStringLiteral("policy"));

        PolicyEvaluation automatic = review;
        automatic.tier = Tier::Auto;
        auto approved = r->admit(QStringLiteral("bot"), automatic, now);
        QCOMPARE(approved->state, ActionState::Approved);
        QVERIFY(approved->finalPayload.has_value());
    }
};

QTEST_GUILESS_MAIN(TestSubmitRequest)
#include "tst_submitrequest.moc"
