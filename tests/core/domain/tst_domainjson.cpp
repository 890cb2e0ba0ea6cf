#include "domain/action.h"
#include "domain/decision.h"
#include "domain/jsonwriter.h"
#include "domain/timeformat.h"
#include "domain/traceurl.h"
#include "testresult.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <QTimeZone>
#include <functional>
#include <limits>

using namespace Countersign;

class TestDomainJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One table of wire names, read both ways: every code survives the trip, unknown names don't.
    void errorCodeNamesRoundTrip()
    {
        for (ErrorCode code : {ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::Conflict,
                 ErrorCode::Forbidden, ErrorCode::Unauthorized, ErrorCode::PolicyViolation, ErrorCode::PayloadTooLarge,
                 ErrorCode::RateLimited, ErrorCode::Unavailable, ErrorCode::Internal}) {
            const QString name = errorCodeName(code);
            QVERIFY(!name.isEmpty());
            QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(code));
        }
        QCOMPARE(errorCodeName(ErrorCode::RateLimited), QStringLiteral("rate_limited"));
        QVERIFY(!errorCodeFromName(u"teapot").has_value());
    }

    // Action::toCompactJson writes the bytes itself; they must be exactly QJsonDocument's, for
    // every kind of text (escapes, control characters, non-ASCII, lone surrogates), number and
    // missing value.
    void compactJsonMatchesQJsonDocument()
    {
        QRandomGenerator random(7);
        const QList<QString> pieces{QStringLiteral("plain"), QStringLiteral("quote \" and \\ backslash"),
            QStringLiteral("line\nbreak\ttab\rreturn\bback\fform"), QString(QChar(0x01)) + QChar(0x1f) + QChar(0x7f),
            QString::fromUtf8("\xc3\xa9t\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80"), QString(QChar(0xd800)),
            QString(QChar(0xdfff)) + QStringLiteral("x"), QString(), QStringLiteral("</script>"), QString(QChar(0))};
        auto text = [&] {
            QString t;
            for (int i = int(random.bounded(4)); i > 0; --i)
                t += pieces.at(int(random.bounded(qsizetype(pieces.size()))));
            return t;
        };
        const QList<double> numbers{0.0, 1.0, 0.5, 0.1, 1e-7, 1e15, 9007199254740991.0, 9007199254740992.0,
            9007199254740994.0, 1e16, 9e18, 9.3e18, 1e19, 18446744073709551616.0, 1e21, -0.0, -3.0, 123.5,
            0.333333333333333, 4e-320, std::numeric_limits<double>::quiet_NaN(),
            std::numeric_limits<double>::infinity()};
        auto time = [&] {
            return random.bounded(3) == 0
                ? QDateTime()
                : QDateTime::fromMSecsSinceEpoch(qint64(random.bounded(Q_UINT64_C(4'000'000'000'000))), QTimeZone::UTC);
        };
        for (int i = 0; i < 3000; ++i) {
            Action a;
            a.id = text();
            a.type = text();
            a.category = text();
            a.title = text();
            a.payload = Payload{text(), text()};
            if (random.bounded(2))
                a.payload.original = text();
            a.reasoning = text();
            if (random.bounded(2))
                a.context = QJsonObject{{text(), text()},
                    {QStringLiteral("n"), numbers.at(int(random.bounded(qsizetype(numbers.size()))))}};
            a.confidence = numbers.at(int(random.bounded(qsizetype(numbers.size()))));
            a.agent = text();
            a.traceUrl = text();
            a.createdAt = time();
            a.slaDueAt = time();
            a.expiresAt = time();
            a.tier = Tier(random.bounded(3));
            a.tierReason = text();
            a.unassigned = random.bounded(2);
            a.state = ActionState(random.bounded(5));
            a.modified = random.bounded(2);
            if (random.bounded(2))
                a.finalPayload = Payload{text(), text(), random.bounded(2) ? std::optional(text()) : std::nullopt};
            a.reason = text();
            a.decidedBy = text();
            a.decidedAt = time();
            a.claimedBy = text();
            a.claimedAt = time();
            a.leaseExpiresAt = time();
            a.assignedTo = text();
            a.escalated = random.bounded(2);
            a.escalatedAt = time();
            a.snoozedBy = text();
            a.snoozedUntil = time();
            a.idempotencyKey = text();
            a.version = qint64(random.bounded(Q_UINT64_C(1) << 54));
            const QByteArray expected = QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact);
            const QByteArray written = a.toCompactJson();
            qsizetype at = 0;
            while (at < qMin(written.size(), expected.size()) && written.at(at) == expected.at(at))
                ++at;
            QVERIFY2(written == expected,
                qPrintable(QStringLiteral("differ at byte %1: wrote ...%2... QJsonDocument ...%3...")
                        .arg(at)
                        .arg(QString::fromLatin1(
                                 written.mid(qMax<qsizetype>(0, at - 30), 60).toPercentEncoding(" {}:,\"")),
                            QString::fromLatin1(
                                expected.mid(qMax<qsizetype>(0, at - 30), 60).toPercentEncoding(" {}:,\"")))));
        }
    }
    // JsonWriter::value and Payload::toCompactJson: QJsonDocument's bytes for any nested value,
    // integers past 2^53 and keys that need escaping included (the audit chain hashes them).
    void valueMatchesQJsonDocument()
    {
        QRandomGenerator random(11);
        const QList<QString> texts{QStringLiteral("plain"), QStringLiteral("q\"b\\"), QStringLiteral("\n\t\u0001"),
            QString::fromUtf8("\xc3\xa9\xf0\x9f\x98\x80"), QString(QChar(0xd800)), QString()};
        const QList<QJsonValue> scalars{QJsonValue(), QJsonValue(true), QJsonValue(false), QJsonValue(0.0),
            QJsonValue(-0.0), QJsonValue(0.1), QJsonValue(1e21), QJsonValue(9007199254740993.0),
            QJsonValue(qint64(9007199254740993)), QJsonValue(std::numeric_limits<qint64>::min()),
            QJsonValue(std::numeric_limits<qint64>::max()), QJsonValue(42), QJsonValue(-7.25)};
        std::function<QJsonValue(int)> make = [&](int depth) -> QJsonValue {
            const int kind = int(random.bounded(depth > 2 ? 2 : 4));
            if (kind == 0)
                return scalars.at(int(random.bounded(qsizetype(scalars.size()))));
            if (kind == 1)
                return QJsonValue(
                    texts.at(int(random.bounded(qsizetype(texts.size())))) + QString::number(random.bounded(9)));
            if (kind == 2) {
                QJsonArray array;
                for (int i = int(random.bounded(4)); i > 0; --i)
                    array.append(make(depth + 1));
                return array;
            }
            QJsonObject object;
            for (int i = int(random.bounded(4)); i > 0; --i)
                object.insert(
                    texts.at(int(random.bounded(qsizetype(texts.size())))) + QString::number(i), make(depth + 1));
            return object;
        };
        for (int i = 0; i < 3000; ++i) {
            const QJsonValue v = make(0);
            JsonWriter w;
            w.raw(QByteArrayLiteral("["));
            w.value(v);
            w.raw(QByteArrayLiteral("]"));
            QCOMPARE(w.take(), QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
            const Payload p{texts.at(int(random.bounded(qsizetype(texts.size())))),
                texts.at(int(random.bounded(qsizetype(texts.size())))),
                random.bounded(2) ? std::optional(texts.at(int(random.bounded(qsizetype(texts.size())))))
                                  : std::nullopt};
            QCOMPARE(p.toCompactJson(), QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact));
        }
    }
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
        a.snoozedBy = QStringLiteral("rita");
        a.snoozedUntil = a.createdAt.addSecs(900);
        a.traceUrl = QStringLiteral("https://runs.example.com/r/42?step=3#tool");
        a.version = 4;

        const QByteArray text = QJsonDocument(a.toJson()).toJson();
        const auto back = Action::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back.has_value());
        QCOMPARE(back->toJson(), a.toJson());
        QCOMPARE(back->finalPayload->content, QStringLiteral("refund 40.00 EUR"));
        QCOMPARE(back->state, ActionState::Approved);
        QCOMPARE(back->version, 4);
        QCOMPARE(back->snoozedBy, QStringLiteral("rita"));
        QCOMPARE(back->traceUrl, a.traceUrl);
        QCOMPARE(back->snoozedUntil, a.createdAt.addSecs(900));
    }

    // trace_url: only http(s) links a reviewer may safely follow.
    void traceUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("https") << QStringLiteral("https://runs.example.com/r/42?step=3#tool") << true;
        QTest::newRow("http, port, upper-case scheme") << QStringLiteral("HTTP://localhost:8080/run/1") << true;
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("data") << QStringLiteral("data:text/html,<b>x</b>") << false;
        QTest::newRow("no scheme") << QStringLiteral("runs.example.com/r/42") << false;
        QTest::newRow("no host") << QStringLiteral("https:///r/42") << false;
        QTest::newRow("space") << QStringLiteral("https://runs.example.com/a b") << false;
        QTest::newRow("newline") << QStringLiteral("https://runs.example.com/a\nb") << false;
        QTest::newRow("bidi override") << QStringLiteral("https://runs.example.com/") + QChar(0x202e) << false;
        QTest::newRow("markup") << QStringLiteral("https://runs.example.com/?q=<b>x</b>") << false;
        QTest::newRow("credentials") << QStringLiteral("https://user:secret@runs.example.com/") << false;
        QTest::newRow("2048 characters") << QStringLiteral("https://e.com/") + QString(2048 - 14, u'a') << true;
        QTest::newRow("2049 characters") << QStringLiteral("https://e.com/") + QString(2049 - 14, u'a') << false;
    }

    void traceUrls()
    {
        QFETCH(QString, text);
        QFETCH(bool, acceptable);
        QCOMPARE(!TraceUrl::problem(text).has_value(), acceptable);
        QCOMPARE(TraceUrl::toUrl(text).isValid(), acceptable);
    }

    // A time a client sends needs its zone; fractions finer than milliseconds are cut.
    void rfc3339Times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // empty: refused
        QTest::newRow("zulu") << QStringLiteral("2026-03-01T10:00:00Z") << QStringLiteral("2026-03-01T10:00:00.000Z");
        QTest::newRow("offset") << QStringLiteral("2026-03-01T10:00:00+02:00")
                                << QStringLiteral("2026-03-01T08:00:00.000Z");
        QTest::newRow("lower case, space")
            << QStringLiteral("2026-03-01 10:00:00.5z") << QStringLiteral("2026-03-01T10:00:00.500Z");
        QTest::newRow("nanoseconds") << QStringLiteral("2026-03-01T10:00:00.123456789-01:30")
                                     << QStringLiteral("2026-03-01T11:30:00.123Z");
        QTest::newRow("no zone") << QStringLiteral("2026-03-01T10:00:00") << QString();
        QTest::newRow("date only") << QStringLiteral("2026-03-01") << QString();
        QTest::newRow("no month 13") << QStringLiteral("2026-13-01T10:00:00Z") << QString();
        QTest::newRow("words") << QStringLiteral("tomorrow") << QString();
    }

    void rfc3339Times()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const QDateTime t = fromRfc3339(text);
        if (utc.isEmpty())
            QVERIFY2(!t.isValid(), qPrintable(t.toString(Qt::ISODateWithMs)));
        else
            QCOMPARE(toIsoUtc(t), utc);
    }

    // The text a change replaces: absent, empty (a new file) and text are three different things,
    // and each survives the JSON both ways.
    void payloadOriginalRoundTrip()
    {
        const Payload none{QStringLiteral("retries: 5\n"), QStringLiteral("yaml")};
        QVERIFY(!none.toJson().contains(QLatin1String("original")));
        QVERIFY(!none.toCompactJson().contains("original"));
        QCOMPARE(Payload::fromJson(none.toJson()), none);
        QVERIFY(!Payload::fromJson(none.toJson()).original.has_value());

        const Payload empty{QStringLiteral("retries: 5\n"), QStringLiteral("yaml"), QString()};
        QCOMPARE(empty.toJson().value(QLatin1String("original")), QJsonValue(QString()));
        QCOMPARE(empty.toCompactJson(), QByteArray(R"({"content":"retries: 5\n","language":"yaml","original":""})"));
        QCOMPARE(Payload::fromJson(empty.toJson()), empty);
        QVERIFY(Payload::fromJson(empty.toJson()).original.has_value());

        const Payload changed{QStringLiteral("retries: 5\n"), QStringLiteral("yaml"), QStringLiteral("retries: 3\n")};
        QCOMPARE(Payload::fromJson(QJsonDocument::fromJson(changed.toCompactJson()).object()), changed);
        QVERIFY(changed != empty);

        Action a;
        a.id = QStringLiteral("a2");
        a.payload = changed;
        a.finalPayload
            = Payload{QStringLiteral("retries: 4\n"), QStringLiteral("yaml"), QStringLiteral("retries: 3\n")};
        const auto back = Action::fromJson(QJsonDocument::fromJson(a.toCompactJson()).object());
        QVERIFY(back.has_value());
        QCOMPARE(back->payload.original, std::optional(QStringLiteral("retries: 3\n")));
        QCOMPARE(back->finalPayload->original, std::optional(QStringLiteral("retries: 3\n")));
        QCOMPARE(*back, a);
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
        QTest::newRow("modify with original")
            << QByteArray(R"({"outcome":"modify","payload":{"content":"x","original":"y"}})") << QString();
        QTest::newRow("modify original not text")
            << QByteArray(R"({"outcome":"modify","payload":{"content":"x","original":["y"]}})")
            << QStringLiteral("payload.original");
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
            CS_VERIFY_OK(r);
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
