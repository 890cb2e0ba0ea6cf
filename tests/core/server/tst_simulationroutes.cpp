// POST /v1/policy/simulate over a real QueueServer on loopback, on a history seeded through the
// API with a ManualClock so every number is known. Built twice: on SQLite
// (tst_simulationroutes) and on PostgreSQL (tst_simulationroutes_postgres, COUNTERSIGN_TEST_POSTGRES).
#include "backendtestserver.h"
#include "report/durationhistogram.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Day = 24 * 3600 * Second;

QJsonObject currentPolicy()
{
    auto category = [](const char *sla) {
        return QJsonObject{{QStringLiteral("sla"), QLatin1String(sla)},
            {QStringLiteral("expires_after"), QStringLiteral("8h")},
            {QStringLiteral("on_expiry"), QStringLiteral("reject")}};
    };
    auto type = [](const char *categoryName, const char *tier) {
        return QJsonObject{
            {QStringLiteral("category"), QLatin1String(categoryName)}, {QStringLiteral("tier"), QLatin1String(tier)}};
    };
    return QJsonObject{{QStringLiteral("version"), 1},
        {QStringLiteral("categories"),
            QJsonObject{{QStringLiteral("finance"), category("1h")}, {QStringLiteral("comms"), category("4h")},
                {QStringLiteral("data"), category("1h")}}},
        {QStringLiteral("action_types"),
            QJsonObject{{QStringLiteral("refund.issue"), type("finance", "review")},
                {QStringLiteral("email.send"), type("comms", "auto")},
                {QStringLiteral("email.external"), type("comms", "review")},
                {QStringLiteral("chat.post"), type("comms", "auto")},
                {QStringLiteral("db.migrate"), type("data", "review")}}}};
}

// refund.issue review -> auto, email.send auto -> review, db.migrate review -> prohibited.
QJsonObject proposedPolicy()
{
    QJsonObject p = currentPolicy();
    p.insert(QStringLiteral("version"), 2);
    QJsonObject types = p.value(QLatin1String("action_types")).toObject();
    auto retier = [&](const QString &name, const char *tier) {
        QJsonObject t = types.value(name).toObject();
        t.insert(QStringLiteral("tier"), QLatin1String(tier));
        types.insert(name, t);
    };
    retier(QStringLiteral("refund.issue"), "auto");
    retier(QStringLiteral("email.send"), "review");
    retier(QStringLiteral("db.migrate"), "prohibited");
    p.insert(QStringLiteral("action_types"), types);
    return p;
}

QJsonObject typeGroup(const QJsonObject &report, const QString &type)
{
    for (const QJsonValue &g : report.value(QLatin1String("types")).toArray()) {
        if (g.toObject().value(QLatin1String("type")).toString() == type)
            return g.toObject();
    }
    return {};
}

int moves(const QJsonObject &group, const char *from, const char *to)
{
    return group.value(QLatin1String("moves"))
        .toObject()
        .value(QLatin1String(from))
        .toObject()
        .value(QLatin1String(to))
        .toInt(-1);
}

QStringList sorted(const QJsonValue &ids)
{
    QStringList list;
    for (const QJsonValue &v : ids.toArray())
        list.append(v.toString());
    list.sort();
    return list;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestSimulationRoutes : public BackendRouteTestCase
{
    Q_OBJECT
    ServerConfig config() const override
    {
        ServerConfig c = TestServer::defaultConfig();
        c.spotCheckFraction = 1.0; // every auto-approval is sampled
        c.policyDocument = QJsonDocument(currentPolicy()).toJson();
        return c;
    }
    void setUpServer() override
    {
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
        m_admin = m_server->token(Role::Admin, QStringLiteral("ada"));
        seed();
    }

private Q_SLOTS:
    void movesAndOutcomesOfAProposedPolicy()
    {
        const HttpResult r = simulate(QJsonObject{{QStringLiteral("policy"), proposedPolicy()}}, m_lead);
        QCOMPARE(r.status, 200);
        const QJsonObject report = r.json();
        QCOMPARE(report.value(QLatin1String("current_policy_version")).toInt(), 1);
        QCOMPARE(report.value(QLatin1String("proposed_policy_version")).toInt(), 2);

        const QJsonObject total = report.value(QLatin1String("total")).toObject();
        QCOMPARE(total.value(QLatin1String("actions")).toInt(), 25); // the old refund lies outside the 90 days
        QCOMPARE(total.value(QLatin1String("moved")).toInt(), 19);
        QCOMPARE(moves(total, "review", "auto"), 10);
        QCOMPARE(moves(total, "auto", "review"), 5);
        QCOMPARE(moves(total, "review", "prohibited"), 4);
        QCOMPARE(moves(total, "review", "review"), 3);
        QCOMPARE(moves(total, "auto", "auto"), 3);

        const QJsonObject refund = typeGroup(report, QStringLiteral("refund.issue"));
        QCOMPARE(refund.value(QLatin1String("actions")).toInt(), 10);
        QCOMPARE(moves(refund, "review", "auto"), 10);
        const QJsonObject toAuto = refund.value(QLatin1String("to_auto")).toObject();
        QCOMPARE(toAuto.value(QLatin1String("approved")).toInt(), 4);
        QCOMPARE(toAuto.value(QLatin1String("modified")).toInt(), 3);
        QCOMPARE(toAuto.value(QLatin1String("rejected")).toInt(), 2);
        QCOMPARE(toAuto.value(QLatin1String("expired")).toInt(), 1);
        const QJsonObject examples = toAuto.value(QLatin1String("examples")).toObject();
        QCOMPARE(sorted(examples.value(QLatin1String("approved"))), sorted(m_refundApproved));
        QCOMPARE(sorted(examples.value(QLatin1String("modified"))), sorted(m_refundModified));
        QCOMPARE(sorted(examples.value(QLatin1String("rejected"))), sorted(m_refundRejected));
        QCOMPARE(sorted(examples.value(QLatin1String("expired"))), QStringList{m_refundExpired});

        // email.send: 5 auto-approvals to review, each costing the comms median decide time (60 s).
        const QJsonObject send = typeGroup(report, QStringLiteral("email.send"));
        QCOMPARE(moves(send, "auto", "review"), 5);
        const double median = DurationHistogram::representativeSeconds(DurationHistogram::bucketOf(60 * Second));
        QCOMPARE(
            report.value(QLatin1String("median_decide_seconds")).toObject().value(QLatin1String("comms")).toDouble(),
            median);
        const QJsonObject toReview = send.value(QLatin1String("to_review")).toObject();
        QCOMPARE(toReview.value(QLatin1String("count")).toInt(), 5);
        QCOMPARE(toReview.value(QLatin1String("reviewer_seconds")).toDouble(), 5 * median);

        const QJsonObject migrate = typeGroup(report, QStringLiteral("db.migrate"));
        const QJsonObject toProhibited = migrate.value(QLatin1String("to_prohibited")).toObject();
        QCOMPARE(toProhibited.value(QLatin1String("count")).toInt(), 4);
        QCOMPARE(toProhibited.value(QLatin1String("approved")).toInt(), 3);
        QCOMPARE(sorted(toProhibited.value(QLatin1String("examples"))), sorted(m_migrateApproved));

        const QJsonObject chat = typeGroup(report, QStringLiteral("chat.post"));
        QCOMPARE(chat.value(QLatin1String("moved")).toInt(), 0);
        const QJsonObject problems = chat.value(QLatin1String("problems_kept_auto")).toObject();
        QCOMPARE(problems.value(QLatin1String("count")).toInt(), 1);
        QCOMPARE(sorted(problems.value(QLatin1String("examples"))), QStringList{m_chatProblem});
        QCOMPARE(total.value(QLatin1String("problems_kept_auto")).toObject().value(QLatin1String("count")).toInt(), 1);
    }

    void theSamePolicyMovesNothing()
    {
        const HttpResult r = simulate(QJsonObject{{QStringLiteral("policy"), currentPolicy()}}, m_admin);
        QCOMPARE(r.status, 200);
        const QJsonObject total = r.json().value(QLatin1String("total")).toObject();
        QCOMPARE(total.value(QLatin1String("actions")).toInt(), 25);
        QCOMPARE(total.value(QLatin1String("moved")).toInt(), 0);
        QCOMPARE(total.value(QLatin1String("to_auto")).toObject().value(QLatin1String("count")).toInt(), 0);
        QCOMPARE(total.value(QLatin1String("to_review")).toObject().value(QLatin1String("count")).toInt(), 0);
        QCOMPARE(total.value(QLatin1String("to_review")).toObject().value(QLatin1String("reviewer_seconds")).toDouble(),
            0.0);
        QCOMPARE(total.value(QLatin1String("to_prohibited")).toObject().value(QLatin1String("count")).toInt(), 0);
    }

    void aStoredProposalIsAppliedToThePolicyInForce()
    {
        const HttpResult created = m_server->http().post(QStringLiteral("/v1/policy/proposals"),
            QJsonObject{{QStringLiteral("changes"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("refund.issue")},
                    {QStringLiteral("tier"), QStringLiteral("auto")}}}}},
            m_lead);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QLatin1String("id")).toString();
        const HttpResult r = simulate(QJsonObject{{QStringLiteral("proposal"), id}}, m_lead);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("proposal_id")).toString(), id);
        const QJsonObject total = r.json().value(QLatin1String("total")).toObject();
        QCOMPARE(total.value(QLatin1String("moved")).toInt(), 10);
        QCOMPARE(moves(total, "review", "auto"), 10);
        QCOMPARE(total.value(QLatin1String("to_auto")).toObject().value(QLatin1String("rejected")).toInt(), 2);

        const HttpResult missing
            = simulate(QJsonObject{{QStringLiteral("proposal"), QStringLiteral("no-such-id")}}, m_lead);
        QCOMPARE(missing.status, 404);
    }

    void theWindowComesFromFromAndTo()
    {
        // Only the old refund (rejected by rita) lies in its day.
        const QString day = m_oldDay.toString(Qt::ISODate);
        const HttpResult r
            = simulate(QJsonObject{{QStringLiteral("policy"), proposedPolicy()}, {QStringLiteral("from"), day},
                           {QStringLiteral("to"), m_oldDay.addDays(1).toString(Qt::ISODate)}},
                m_lead);
        QCOMPARE(r.status, 200);
        const QJsonObject total = r.json().value(QLatin1String("total")).toObject();
        QCOMPARE(total.value(QLatin1String("actions")).toInt(), 1);
        QCOMPARE(total.value(QLatin1String("to_auto")).toObject().value(QLatin1String("rejected")).toInt(), 1);

        const HttpResult bad = simulate(QJsonObject{{QStringLiteral("policy"), proposedPolicy()},
                                            {QStringLiteral("from"), QStringLiteral("yesterday")}},
            m_lead);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorField(), QStringLiteral("from"));
    }

    void aMalformedPolicyNamesTheField()
    {
        QJsonObject policy = currentPolicy();
        QJsonObject types = policy.value(QLatin1String("action_types")).toObject();
        types.insert(QStringLiteral("refund.issue"),
            QJsonObject{{QStringLiteral("category"), QStringLiteral("finance")},
                {QStringLiteral("tier"), QStringLiteral("sometimes")}});
        policy.insert(QStringLiteral("action_types"), types);
        const HttpResult r = simulate(QJsonObject{{QStringLiteral("policy"), policy}}, m_lead);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_argument"));
        QCOMPARE(r.errorField(), QStringLiteral("policy.action_types.refund.issue.tier"));

        const HttpResult notAnObject = simulate(QJsonObject{{QStringLiteral("policy"), 5}}, m_lead);
        QCOMPARE(notAnObject.status, 400);
        QCOMPARE(notAnObject.errorField(), QStringLiteral("policy"));
        const HttpResult neither = simulate(QJsonObject{}, m_lead);
        QCOMPARE(neither.status, 400);
        QCOMPARE(neither.errorField(), QStringLiteral("policy"));
        const HttpResult unknown
            = simulate(QJsonObject{{QStringLiteral("policy"), currentPolicy()}, {QStringLiteral("dry"), true}}, m_lead);
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorField(), QStringLiteral("dry"));
    }

    void agentsAndReviewersAreRefused()
    {
        const QJsonObject body{{QStringLiteral("policy"), proposedPolicy()}};
        QCOMPARE(simulate(body, m_agent).status, 403);
        QCOMPARE(simulate(body, m_rita).status, 403);
        QCOMPARE(simulate(body, QByteArray()).status, 401);
    }

    void theQueryIsAudited()
    {
        QCOMPARE(simulate(QJsonObject{{QStringLiteral("policy"), proposedPolicy()}}, m_lead).status, 200);
        const HttpResult audit = m_server->http().get(QStringLiteral("/v1/audit?limit=1000"), m_lead);
        QCOMPARE(audit.status, 200);
        QJsonObject entry;
        for (const QJsonValue &e : audit.json().value(QLatin1String("items")).toArray()) {
            if (e.toObject().value(QLatin1String("kind")).toString() == QLatin1String("policy.simulated"))
                entry = e.toObject();
        }
        QVERIFY2(!entry.isEmpty(), audit.body.constData());
        QCOMPARE(entry.value(QLatin1String("actor")).toString(), QStringLiteral("lena"));
        QCOMPARE(entry.value(QLatin1String("role")).toString(), QStringLiteral("lead"));
        const QJsonObject after = entry.value(QLatin1String("after")).toObject();
        QVERIFY(after.contains(QLatin1String("from")));
        QVERIFY(after.contains(QLatin1String("to")));
    }

#ifndef COUNTERSIGN_TEST_POSTGRES
    // countersign-cli policy simulate against the same server: the table, --json, the exit status.
    void theCliPrintsATable()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("policy.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(proposedPolicy()).toJson());
        file.close();
        QByteArray output;
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--policy"), file.fileName()}, &output), 1);
        const QString text = QString::fromUtf8(output);
        QVERIFY2(text.contains(QStringLiteral("25 actions, 19 would change tier")), output.constData());
        QStringList refundRow;
        QStringList totalRow;
        for (const QString &line : text.split(u'\n')) {
            const QStringList cells = line.split(u' ', Qt::SkipEmptyParts);
            if (cells.value(0) == QLatin1String("refund.issue") && refundRow.isEmpty())
                refundRow = cells;
            if (cells.value(0) == QLatin1String("total"))
                totalRow = cells;
        }
        // TYPE ACTIONS MOVED TO-AUTO REJECTED MODIFIED EXPIRED TO-REVIEW REVIEW-H TO-PROHIBITED APPROVED PROBLEMS
        QCOMPARE(refundRow,
            QStringList(
                {QStringLiteral("refund.issue"), QStringLiteral("10"), QStringLiteral("10"), QStringLiteral("10"),
                    QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("0"),
                    QStringLiteral("0.0"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0")}));
        QCOMPARE(totalRow.value(1), QStringLiteral("25"));
        QCOMPARE(totalRow.value(2), QStringLiteral("19"));
        QCOMPARE(totalRow.value(9), QStringLiteral("4"));
        QCOMPARE(totalRow.value(10), QStringLiteral("3"));
        QVERIFY(text.contains(QStringLiteral("refund.issue rejected by a reviewer, would be auto-approved: ")));

        QCOMPARE(
            runCli({QStringLiteral("simulate"), QStringLiteral("--policy"), file.fileName(), QStringLiteral("--json")},
                &output),
            1);
        QCOMPARE(QJsonDocument::fromJson(output)
                     .object()
                     .value(QLatin1String("total"))
                     .toObject()
                     .value(QLatin1String("moved"))
                     .toInt(),
            19);

        QFile same(dir.filePath(QStringLiteral("same.json")));
        QVERIFY(same.open(QIODevice::WriteOnly));
        same.write(QJsonDocument(currentPolicy()).toJson());
        same.close();
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--policy"), same.fileName()}, &output), 0);
        // A reviewer's token is refused; the message names the status.
        QCOMPARE(runCli({QStringLiteral("simulate"), QStringLiteral("--policy"), same.fileName()}, &output, m_rita), 2);
    }
#endif

private:
    int runCli(const QStringList &arguments, QByteArray *output, QByteArray token = {})
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COUNTERSIGN_TOKEN"), QString::fromUtf8(token.isEmpty() ? m_lead : token));
        env.remove(QStringLiteral("COUNTERSIGN_TOKEN_FILE"));
        cli.setProcessEnvironment(env);
        QSignalSpy finished(&cli, &QProcess::finished);
        cli.start(QStringLiteral(COUNTERSIGN_CLI_BINARY),
            QStringList{QStringLiteral("policy")} + arguments
                + QStringList{QStringLiteral("--server"), m_server->url().toString()});
        // The in-process server answers while the spy waits.
        if (!finished.wait(30000))
            return -1;
        *output = cli.readAllStandardOutput();
        const QByteArray errors = cli.readAllStandardError();
        if (!errors.isEmpty())
            qInfo("cli stderr: %s", errors.constData());
        return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    }

    HttpResult simulate(const QJsonObject &body, const QByteArray &token)
    {
        return m_server->http().post(QStringLiteral("/v1/policy/simulate"), body, token);
    }

    QString submit(const char *type)
    {
        const HttpResult r = m_server->submit(
            m_agent, {{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("confidence"), 0.95}});
        if (r.status != 201 && r.status != 200)
            qWarning("submit refused: %s", r.body.constData());
        return r.json().value(QLatin1String("id")).toString();
    }

    // Claims, waits `seconds`, decides as rita.
    void decide(const QString &id, const char *outcome, qint64 seconds)
    {
        HttpClient &http = m_server->http();
        QCOMPARE(http.post(QStringLiteral("/v1/actions/%1/claim").arg(id), QJsonObject(), m_rita).status, 200);
        m_server->clock().advance(seconds * Second);
        QJsonObject body{{QStringLiteral("outcome"), QLatin1String(outcome)}};
        if (qstrcmp(outcome, "modify") == 0)
            body.insert(QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), QStringLiteral("edited")}});
        if (qstrcmp(outcome, "reject") == 0)
            body.insert(QStringLiteral("reason"), QStringLiteral("no"));
        const HttpResult r = http.post(QStringLiteral("/v1/actions/%1/decision").arg(id), body, m_rita);
        QVERIFY2(r.status == 200, r.body.constData());
    }

    void seed()
    {
        m_refundApproved.clear();
        m_refundModified.clear();
        m_refundRejected.clear();
        m_migrateApproved.clear();
        // One refund 100 days back, outside the default window.
        m_oldDay = m_server->clock().now().date();
        decide(submit("refund.issue"), "reject", 10);
        m_server->clock().advance(100 * Day);

        for (int i = 0; i < 9; ++i) {
            const QString id = submit("refund.issue");
            const char *outcome = i < 4 ? "approve" : i < 7 ? "modify" : "reject";
            decide(id, outcome, 120);
            (i < 4 ? m_refundApproved : i < 7 ? m_refundModified : m_refundRejected).append(id);
        }
        m_refundExpired = submit("refund.issue");
        for (int i = 0; i < 3; ++i)
            decide(submit("email.external"), "approve", 60);
        for (int i = 0; i < 5; ++i)
            submit("email.send");
        QStringList chats;
        for (int i = 0; i < 3; ++i)
            chats.append(submit("chat.post"));
        m_chatProblem = chats.at(1);
        const HttpResult checked = m_server->http().post(QStringLiteral("/v1/spotchecks/%1").arg(m_chatProblem),
            QJsonObject{{QStringLiteral("verdict"), QStringLiteral("problem")},
                {QStringLiteral("note"), QStringLiteral("wrong channel")}},
            m_rita);
        QCOMPARE(checked.status, 200);
        const char *migrations[] = {"approve", "approve", "modify", "reject"};
        for (const char *outcome : migrations) {
            const QString id = submit("db.migrate");
            decide(id, outcome, 30);
            if (qstrcmp(outcome, "reject") != 0)
                m_migrateApproved.append(id);
        }
        // The refund left alone expires (finance: 8 h, on expiry reject).
        m_server->clock().advance(9 * 3600 * Second);
        QVERIFY(m_server->runScheduler());
        const HttpResult expired = m_server->http().get(QStringLiteral("/v1/actions/%1").arg(m_refundExpired), m_lead);
        QCOMPARE(expired.json().value(QLatin1String("decided_by")).toString(), QStringLiteral("expiry"));
    }

    QByteArray m_lead;
    QByteArray m_admin;
    QDate m_oldDay;
    QStringList m_refundApproved;
    QStringList m_refundModified;
    QStringList m_refundRejected;
    QString m_refundExpired;
    QStringList m_migrateApproved;
    QString m_chatProblem;
};

QTEST_GUILESS_MAIN(TestSimulationRoutes)
#include "tst_simulationroutes.moc"
