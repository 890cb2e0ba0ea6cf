#include "domain/action.h"
#include "domain/decision.h"
#include "domain/timeformat.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;

class TestDomainJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // toIsoUtc writes common years itself; it must agree with Qt's formatter everywhere,
    // including leap days, century years and the edges where it hands over to Qt.
    void isoTimeMatchesQt()
    {
        QList<qint64> samples{0, 1, 999, 86'399'999, 951'782'400'000 /* 2000-02-29 */,
            4'107'542'400'000 /* 2100-03-01 */, 253'402'300'799'999, 253'402'300'800'000, -1, -86'400'000,
            -62'135'596'800'000};
        QRandomGenerator random(20261126);
        for (int i = 0; i < 20000; ++i)
            samples.append(qint64(random.bounded(Q_UINT64_C(253'402'300'800'000))));
        for (qint64 ms : std::as_const(samples)) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
            QCOMPARE(toIsoUtc(t), t.toString(Qt::ISODateWithMs));
            if (ms >= 0 && ms < 253'402'300'800'000) // Qt reads four-digit years only
                QCOMPARE(fromIsoUtc(toIsoUtc(t)), t);
        }
        // A time in another zone is written as the same instant in UTC.
        const QDateTime berlin(QDate(2026, 3, 29), QTime(3, 30), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        QCOMPARE(toIsoUtc(berlin), QStringLiteral("2026-03-29T01:30:00.000Z"));
        QCOMPARE(toIsoUtc(QDateTime()), QString());
    }
    void actionRoundTrip()
    {
        Action a;
        a.id = QStringLiteral("a1");
        a.type = QStringLiteral("refund.issue");
        a.category = QStringLiteral("finance");
        a.title = QStringLiteral("Refund order 1042");
        a.payload = {QStringLiteral("refund 42.00 EUR"), QStringLiteral("text")};
        a.reasoning = QStringLiteral("The parcel never arrived");
        a.context = QJsonObject{{QStringLiteral("amount"), 42.0}};
        a.confidence = 0.83;
        a.agent = QStringLiteral("support-bot");
        a.createdAt = fromIsoUtc(QStringLiteral("2026-03-01T10:00:00.000Z"));
        a.slaDueAt = a.createdAt.addSecs(3600);
        a.expiresAt = a.createdAt.addSecs(8 * 3600);
        a.tier = Tier::Review;
        a.tierReason = QStringLiteral("type refund.issue");
        a.state = ActionState::Approved;
        a.modified = true;
        a.finalPayload = Payload{QStringLiteral("refund 40.00 EUR"), QStringLiteral("text")};
        a.decidedBy = QStringLiteral("alice");
        a.decidedAt = a.createdAt.addSecs(600);
        a.idempotencyKey = QStringLiteral("k-1");
        a.version = 4;

        const QByteArray text = QJsonDocument(a.toJson()).toJson();
        const auto back = Action::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back.has_value());
        QCOMPARE(back->toJson(), a.toJson());
        QCOMPARE(back->finalPayload->content, QStringLiteral("refund 40.00 EUR"));
        QCOMPARE(back->state, ActionState::Approved);
        QCOMPARE(back->version, 4);
    }

    void actionFromJsonRejectsUnknownState()
    {
        QJsonObject o{{QStringLiteral("id"), QStringLiteral("x")}, {QStringLiteral("tier"), QStringLiteral("review")},
            {QStringLiteral("state"), QStringLiteral("limbo")}};
        const auto r = Action::fromJson(o);
        QVERIFY(!r);
        QCOMPARE(r.error().field, QStringLiteral("state"));
    }

    void decisionParsing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("errorField"); // empty: valid
        QTest::newRow("approve") << QByteArray(R"({"outcome":"approve"})") << QString();
        QTest::newRow("approve with version") << QByteArray(R"({"outcome":"approve","version":3})") << QString();
        QTest::newRow("modify") << QByteArray(R"({"outcome":"modify","payload":{"content":"x"}})") << QString();
        QTest::newRow("modify without payload") << QByteArray(R"({"outcome":"modify"})") << QStringLiteral("payload");
        QTest::newRow("modify content not text")
            << QByteArray(R"({"outcome":"modify","payload":{"content":5}})") << QStringLiteral("payload.content");
        QTest::newRow("reject without reason") << QByteArray(R"({"outcome":"reject"})") << QStringLiteral("reason");
        QTest::newRow("reject blank reason")
            << QByteArray(R"({"outcome":"reject","reason":"  "})") << QStringLiteral("reason");
        QTest::newRow("reject") << QByteArray(R"({"outcome":"reject","reason":"no"})") << QString();
        QTest::newRow("unknown outcome") << QByteArray(R"({"outcome":"maybe"})") << QStringLiteral("outcome");
        QTest::newRow("outcome not text") << QByteArray(R"({"outcome":1})") << QStringLiteral("outcome");
        QTest::newRow("version fraction")
            << QByteArray(R"({"outcome":"approve","version":1.5})") << QStringLiteral("version");
        QTest::newRow("version huge") << QByteArray(R"({"outcome":"approve","version":1e300})")
                                      << QStringLiteral("version");
        QTest::newRow("version text") << QByteArray(R"({"outcome":"approve","version":"2"})")
                                      << QStringLiteral("version");
    }

    void decisionParsing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, errorField);
        const auto r = Decision::fromJson(QJsonDocument::fromJson(body).object());
        if (errorField.isEmpty()) {
            QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().toString()));
            const auto again = Decision::fromJson(r->toJson());
            QVERIFY(again.has_value());
            QCOMPARE(again->outcome, r->outcome);
        } else {
            QVERIFY(!r.has_value());
            QCOMPARE(r.error().field, errorField);
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        }
    }
};

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domainjson.moc"
