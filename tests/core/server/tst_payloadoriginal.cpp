#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

QJsonObject changeOverrides(const QJsonValue &original, const QString &content = QStringLiteral("retries: 5\n"))
{
    return QJsonObject{{QStringLiteral("title"), QStringLiteral("Raise the retry limit")},
        {QStringLiteral("payload"),
            QJsonObject{{QStringLiteral("content"), content}, {QStringLiteral("original"), original},
                {QStringLiteral("language"), QStringLiteral("yaml")}}}};
}

QJsonObject payloadOf(const QJsonObject &action, const char *key = "payload")
{
    return action.value(QLatin1String(key)).toObject();
}

} // namespace

// payload.original, the text a change replaces, through the API: stored and returned in every
// action JSON, validated with the field named, counted toward the body cap, and kept as it was
// by a reviewer's modify.
class TestPayloadOriginal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.limits.maxBodyBytes = 64 * 1024;
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        m_rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
    }
    void cleanup() { m_server.reset(); }

    void roundTripsThroughEveryActionJson()
    {
        const QString original = QStringLiteral("retries: 3\n# Zoë's \"quoted\" \\ note\n");
        const HttpResult submitted = m_server->submit(m_agent, changeOverrides(original));
        QCOMPARE(submitted.status, 201);
        const QJsonObject created = submitted.json();
        QCOMPARE(payloadOf(created).value(QLatin1String("original")).toString(), original);
        QCOMPARE(payloadOf(created).value(QLatin1String("content")).toString(), QStringLiteral("retries: 5\n"));
        const QString id = created.value(QLatin1String("id")).toString();

        const HttpResult got = m_server->http().get(QStringLiteral("/v1/actions/") + id, m_rita);
        QCOMPARE(got.status, 200);
        QCOMPARE(payloadOf(got.json()).value(QLatin1String("original")).toString(), original);

        const QJsonArray items = m_server->http()
                                     .get(QStringLiteral("/v1/actions?state=pending"), m_rita)
                                     .json()
                                     .value(QLatin1String("items"))
                                     .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(payloadOf(items.first().toObject()).value(QLatin1String("original")).toString(), original);

        const QJsonArray events = m_server->http()
                                      .get(QStringLiteral("/v1/events?since=0"), m_rita)
                                      .json()
                                      .value(QLatin1String("events"))
                                      .toArray();
        QCOMPARE(events.size(), 1);
        const QJsonObject eventAction = events.first().toObject().value(QLatin1String("action")).toObject();
        QCOMPARE(payloadOf(eventAction).value(QLatin1String("original")).toString(), original);
    }

    // "" (a new file) is not the same as no original: both come back as they were sent.
    void emptyAndAbsentOriginalsStayApart()
    {
        const QJsonObject empty = m_server->submit(m_agent, changeOverrides(QString())).json();
        QVERIFY(payloadOf(empty).contains(QLatin1String("original")));
        QCOMPARE(payloadOf(empty).value(QLatin1String("original")), QJsonValue(QString()));
        const QJsonObject none = m_server->submit(m_agent).json();
        QVERIFY(!payloadOf(none).contains(QLatin1String("original")));
        const QJsonObject nullOriginal = m_server->submit(m_agent, changeOverrides(QJsonValue::Null)).json();
        QVERIFY(!payloadOf(nullOriginal).contains(QLatin1String("original")));
        const QJsonObject emptyBack
            = m_server->http()
                  .get(QStringLiteral("/v1/actions/") + empty.value(QLatin1String("id")).toString(), m_rita)
                  .json();
        QCOMPARE(payloadOf(emptyBack).value(QLatin1String("original")), QJsonValue(QString()));
    }

    void nonStringOriginalIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QJsonValue>("original");
        QTest::newRow("number") << QJsonValue(3);
        QTest::newRow("array") << QJsonValue(QJsonArray{QStringLiteral("retries: 3")});
        QTest::newRow("object") << QJsonValue(QJsonObject{{QStringLiteral("text"), QStringLiteral("retries: 3")}});
        QTest::newRow("boolean") << QJsonValue(false);
    }
    void nonStringOriginalIsRefusedNamingTheField()
    {
        QFETCH(QJsonValue, original);
        const HttpResult r = m_server->submit(m_agent, changeOverrides(original));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        QCOMPARE(r.errorField(), QStringLiteral("payload.original"));
        QVERIFY2(r.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(QLatin1String("string")),
            r.body.constData());
    }

    // The cap is on the whole body: content and original that fit alone can be too much together.
    void originalCountsTowardTheBodyCap()
    {
        const QString part(40 * 1024, u'x');
        const HttpResult alone = m_server->submit(m_agent, changeOverrides(part, QStringLiteral("y")));
        QCOMPARE(alone.status, 201);
        const HttpResult together = m_server->submit(m_agent, changeOverrides(part, part));
        QCOMPARE(together.status, 413);
        QCOMPARE(together.errorCode(), QStringLiteral("payload_too_large"));
        QCOMPARE(m_server->http()
                     .get(QStringLiteral("/v1/actions?state=pending"), m_rita)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            1);
    }

    // A modify edits content; original stays the text the agent's change replaces, even when the
    // reviewer's client sends another one back.
    void modifyKeepsTheOriginal_data()
    {
        QTest::addColumn<QJsonObject>("editedPayload");
        QTest::newRow("content only") << QJsonObject{{QStringLiteral("content"), QStringLiteral("retries: 4\n")}};
        QTest::newRow("original sent back") << QJsonObject{{QStringLiteral("content"), QStringLiteral("retries: 4\n")},
            {QStringLiteral("original"), QStringLiteral("retries: 3\n")},
            {QStringLiteral("language"), QStringLiteral("yaml")}};
        QTest::newRow("original changed") << QJsonObject{{QStringLiteral("content"), QStringLiteral("retries: 4\n")},
            {QStringLiteral("original"), QStringLiteral("retries: 1\n")}};
    }
    void modifyKeepsTheOriginal()
    {
        QFETCH(QJsonObject, editedPayload);
        const QString id = m_server->submit(m_agent, changeOverrides(QStringLiteral("retries: 3\n")))
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        const HttpResult decided = m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
            QJsonObject{
                {QStringLiteral("outcome"), QStringLiteral("modify")}, {QStringLiteral("payload"), editedPayload}},
            m_rita);
        QCOMPARE(decided.status, 200);
        const QJsonObject action = m_server->http().get(QStringLiteral("/v1/actions/") + id, m_agent).json();
        QCOMPARE(action.value(QLatin1String("modified")).toBool(), true);
        QCOMPARE(payloadOf(action).value(QLatin1String("original")).toString(), QStringLiteral("retries: 3\n"));
        QCOMPARE(payloadOf(action).value(QLatin1String("content")).toString(), QStringLiteral("retries: 5\n"));
        const QJsonObject final = payloadOf(action, "final_payload");
        QCOMPARE(final.value(QLatin1String("content")).toString(), QStringLiteral("retries: 4\n"));
        QCOMPARE(final.value(QLatin1String("original")).toString(), QStringLiteral("retries: 3\n"));
        QCOMPARE(final.value(QLatin1String("language")).toString(), QStringLiteral("yaml"));
    }

    void modifyWithANonStringOriginalIsRefused()
    {
        const QString id = m_server->submit(m_agent, changeOverrides(QStringLiteral("retries: 3\n")))
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        const HttpResult r = m_server->http().post(QStringLiteral("/v1/actions/%1/decision").arg(id),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                {QStringLiteral("payload"),
                    QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}, {QStringLiteral("original"), 7}}}},
            m_rita);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("payload.original"));
    }

    // A unified diff (several files, git headers) is a payload like any other: no original needed.
    void unifiedDiffNeedsNoOriginal()
    {
        const QString diff = QStringLiteral("diff --git a/src/retry.cpp b/src/retry.cpp\n"
                                            "index 3b18e51..a9c0f2d 100644\n"
                                            "--- a/src/retry.cpp\n"
                                            "+++ b/src/retry.cpp\n"
                                            "@@ -1,3 +1,3 @@\n"
                                            " #include \"retry.h\"\n"
                                            "-int attempts = 3;\n"
                                            "+int attempts = 5;\n"
                                            " int delay = 1;\n"
                                            "diff --git a/docs/retry.md b/docs/retry.md\n"
                                            "new file mode 100644\n"
                                            "--- /dev/null\n"
                                            "+++ b/docs/retry.md\n"
                                            "@@ -0,0 +1 @@\n"
                                            "+# Retries\n");
        const HttpResult r = m_server->submit(m_agent,
            QJsonObject{{QStringLiteral("payload"),
                QJsonObject{{QStringLiteral("content"), diff}, {QStringLiteral("language"), QStringLiteral("diff")}}}});
        QCOMPARE(r.status, 201);
        QCOMPARE(payloadOf(r.json()).value(QLatin1String("content")).toString(), diff);
        QCOMPARE(payloadOf(r.json()).value(QLatin1String("language")).toString(), QStringLiteral("diff"));
        QVERIFY(!payloadOf(r.json()).contains(QLatin1String("original")));
    }

    void openApiDocumentsTheOriginal()
    {
        const QJsonObject document = m_server->http().get(QStringLiteral("/v1/openapi.json")).json();
        const QJsonObject payload = document.value(QLatin1String("components"))
                                        .toObject()
                                        .value(QLatin1String("schemas"))
                                        .toObject()
                                        .value(QLatin1String("Payload"))
                                        .toObject();
        const QJsonObject original
            = payload.value(QLatin1String("properties")).toObject().value(QLatin1String("original")).toObject();
        QCOMPARE(original.value(QLatin1String("type")).toString(), QStringLiteral("string"));
        QVERIFY(!payload.value(QLatin1String("required")).toArray().contains(QStringLiteral("original")));
    }

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent;
    QByteArray m_rita;
};

QTEST_GUILESS_MAIN(TestPayloadOriginal)
#include "tst_payloadoriginal.moc"
