// The report, spot-check and proposal routes over a real QueueServer on loopback.
#include "testserver.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

QJsonObject groupWithKey(const QJsonObject &report, const QString &key)
{
    for (const QJsonValue &g : report.value(QLatin1String("groups")).toArray()) {
        if (g.toObject().value(QLatin1String("key")).toString() == key)
            return g.toObject();
    }
    return {};
}

QStringList recommendationIds(const QJsonObject &report)
{
    QStringList ids;
    for (const QJsonValue &item : report.value(QLatin1String("items")).toArray())
        ids.append(item.toObject().value(QLatin1String("id")).toString());
    return ids;
}

} // namespace

class TestReportRoutes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        ServerConfig config = TestServer::defaultConfig();
        config.spotCheckFraction = 1.0; // every auto-approval is sampled
        m_server = std::make_unique<TestServer>(config);
        QVERIFY(m_server->start());
        m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
        m_rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
        m_admin = m_server->token(Role::Admin, QStringLiteral("ada"));
    }
    void cleanup() { m_server.reset(); }

    void reportsCountDecisions()
    {
        HttpClient &http = m_server->http();
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids.append(m_server->submit(m_agent).json().value(QLatin1String("id")).toString());
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("email.send_internal")}});
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("db.drop_table")}});
        m_server->clock().advance(120 * 1000);
        QCOMPARE(http.post(QStringLiteral("/v1/actions/%1/claim").arg(ids.at(0)), QJsonObject(), m_rita).status, 200);
        m_server->clock().advance(30 * 1000);
        auto decide = [&](const QString &id, const QJsonObject &body) {
            QCOMPARE(http.post(QStringLiteral("/v1/actions/%1/decision").arg(id), body, m_rita).status, 200);
        };
        const QJsonObject approve{{QStringLiteral("outcome"), QStringLiteral("approve")}};
        decide(ids.at(0), approve);
        decide(ids.at(1), approve);
        decide(ids.at(2),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("modify")},
                {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), QStringLiteral("x")}}}});
        decide(ids.at(3),
            QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                {QStringLiteral("reason"), QStringLiteral("no")}});
        QCOMPARE(
            http.post(QStringLiteral("/v1/actions/%1/withdraw").arg(ids.at(4)), QJsonObject(), m_agent).status, 200);

        const HttpResult byType = http.get(QStringLiteral("/v1/reports/approvals?group_by=type"), m_lead);
        QCOMPARE(byType.status, 200);
        const QJsonObject external = groupWithKey(byType.json(), QStringLiteral("email.send_external"));
        QCOMPARE(external.value(QLatin1String("submitted")).toInt(), 6);
        QCOMPARE(external.value(QLatin1String("reviewed")).toInt(), 4);
        QCOMPARE(external.value(QLatin1String("approved")).toInt(), 2);
        QCOMPARE(external.value(QLatin1String("modified")).toInt(), 1);
        QCOMPARE(external.value(QLatin1String("rejected")).toInt(), 1);
        QCOMPARE(external.value(QLatin1String("withdrawn")).toInt(), 1);
        QCOMPARE(external.value(QLatin1String("approval_rate")).toDouble(), 0.5);
        // Every decision came 150 s after submission: the 150 s bucket, [128 s, 161 s).
        const double median = external.value(QLatin1String("queue_time_median_s")).toDouble();
        QVERIFY2(median >= 128 && median < 161.3, qPrintable(QString::number(median)));
        const double decide30 = external.value(QLatin1String("decide_time_median_s")).toDouble();
        QVERIFY2(decide30 >= 25.4 && decide30 < 32, qPrintable(QString::number(decide30)));
        QCOMPARE(groupWithKey(byType.json(), QStringLiteral("email.send_internal"))
                     .value(QLatin1String("auto_approved"))
                     .toInt(),
            1);
        QCOMPARE(
            groupWithKey(byType.json(), QStringLiteral("db.drop_table")).value(QLatin1String("prohibited")).toInt(), 1);
        const QJsonObject totals = byType.json().value(QLatin1String("totals")).toObject();
        QCOMPARE(totals.value(QLatin1String("submitted")).toInt(), 8);

        const HttpResult byReviewer = http.get(QStringLiteral("/v1/reports/approvals?group_by=reviewer"), m_lead);
        const QJsonArray reviewers = byReviewer.json().value(QLatin1String("groups")).toArray();
        QCOMPARE(reviewers.size(), 1);
        QCOMPARE(reviewers.at(0).toObject().value(QLatin1String("key")).toString(), QStringLiteral("rita"));
        QCOMPARE(reviewers.at(0).toObject().value(QLatin1String("reviewed")).toInt(), 4);

        const HttpResult byWeek = http.get(QStringLiteral("/v1/reports/approvals?group_by=week"), m_lead);
        QCOMPARE(byWeek.status, 200);
        const QString week = byWeek.json()
                                 .value(QLatin1String("groups"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QLatin1String("key"))
                                 .toString();
        QCOMPARE(QDate::fromString(week, Qt::ISODate).dayOfWeek(), 1);

        // Outside the window: nothing.
        const HttpResult old = http.get(QStringLiteral("/v1/reports/approvals?from=2001-01-01&to=2001-02-01"), m_lead);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.json().value(QLatin1String("groups")).toArray().size(), 0);
        QCOMPARE(old.json().value(QLatin1String("from")).toString(), QStringLiteral("2001-01-01T00:00:00.000Z"));
    }

    void rolesAndBadParameters()
    {
        HttpClient &http = m_server->http();
        for (const QString &path : {QStringLiteral("/v1/reports/approvals"),
                 QStringLiteral("/v1/reports/recommendations"), QStringLiteral("/v1/policy/proposals")}) {
            QCOMPARE(http.get(path, m_rita).status, 403);
            QCOMPARE(http.get(path, m_agent).status, 403);
            QCOMPARE(http.get(path).status, 401);
            QCOMPARE(http.get(path, m_lead).status, 200);
        }
        QCOMPARE(http.get(QStringLiteral("/v1/spotchecks"), m_agent).status, 403);
        QCOMPARE(http.get(QStringLiteral("/v1/spotchecks"), m_rita).status, 200);

        auto field = [&](const QString &path) {
            const HttpResult r = http.get(path, m_lead);
            return r.status == 400 ? r.errorField() : QStringLiteral("status %1").arg(r.status);
        };
        QCOMPARE(field(QStringLiteral("/v1/reports/approvals?group_by=planet")), QStringLiteral("group_by"));
        QCOMPARE(field(QStringLiteral("/v1/reports/approvals?from=2026-12-01&to=2026-11-01")), QStringLiteral("from"));
        QCOMPARE(field(QStringLiteral("/v1/reports/approvals?from=yesterday")), QStringLiteral("from"));
        QCOMPARE(field(QStringLiteral("/v1/reports/approvals?to=2026-13-45")), QStringLiteral("to"));
        QCOMPARE(field(QStringLiteral("/v1/reports/recommendations?promote_rate=1.5")), QStringLiteral("promote_rate"));
        QCOMPARE(
            field(QStringLiteral("/v1/reports/recommendations?min_reviewed=lots")), QStringLiteral("min_reviewed"));
        QCOMPARE(field(QStringLiteral("/v1/spotchecks?state=half")), QStringLiteral("state"));
    }

    void spotCheckFlowFeedsTighten()
    {
        HttpClient &http = m_server->http();
        const QString id = m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("email.send_internal")}})
                               .json()
                               .value(QLatin1String("id"))
                               .toString();
        const HttpResult open = http.get(QStringLiteral("/v1/spotchecks?state=open"), m_rita);
        QCOMPARE(open.status, 200);
        const QJsonArray items = open.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QLatin1String("id")).toString(), id);
        QCOMPARE(items.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("open"));

        const QString path = QStringLiteral("/v1/spotchecks/%1").arg(id);
        QCOMPARE(http.post(path, QJsonObject{{QStringLiteral("verdict"), QStringLiteral("meh")}}, m_rita).errorField(),
            QStringLiteral("verdict"));
        QCOMPARE(
            http.post(path, QJsonObject{{QStringLiteral("verdict"), QStringLiteral("problem")}}, m_rita).errorField(),
            QStringLiteral("note"));
        QCOMPARE(http.post(path, QJsonObject{{QStringLiteral("verdict"), QStringLiteral("ok")}}, m_agent).status, 403);
        const QJsonObject problem{{QStringLiteral("verdict"), QStringLiteral("problem")},
            {QStringLiteral("note"), QStringLiteral("leaked a price")}};
        const HttpResult checked = http.post(path, problem, m_rita);
        QCOMPARE(checked.status, 200);
        QCOMPARE(checked.json().value(QLatin1String("verdict")).toString(), QStringLiteral("problem"));
        QCOMPARE(checked.json().value(QLatin1String("checked_by")).toString(), QStringLiteral("rita"));
        QCOMPARE(http.post(path, problem, m_lead).status, 409);
        QCOMPARE(http.post(QStringLiteral("/v1/spotchecks/unknown"), problem, m_rita).status, 404);
        QCOMPARE(
            http.get(QStringLiteral("/v1/spotchecks"), m_rita).json().value(QLatin1String("items")).toArray().size(),
            0);
        QCOMPARE(http.get(QStringLiteral("/v1/spotchecks?state=done"), m_rita)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            1);

        const HttpResult recommendations = http.get(QStringLiteral("/v1/reports/recommendations"), m_lead);
        QCOMPARE(recommendations.status, 200);
        QVERIFY(recommendationIds(recommendations.json()).contains(QStringLiteral("tighten:email.send_internal")));
        // The demo policy's low-confidence rule let it through (confidence 0.9 >= 0.7).
        QVERIFY(recommendationIds(recommendations.json()).contains(QStringLiteral("tighten-rule:rules[0]")));
    }

    void proposalDraftApplyAndReject()
    {
        HttpClient &http = m_server->http();
        const QJsonObject draft{{QStringLiteral("recommendation_id"), QStringLiteral("tighten:email.send_internal")},
            {QStringLiteral("changes"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("email.send_internal")},
                               {QStringLiteral("tier"), QStringLiteral("review")}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("crm.merge_contacts")},
                        {QStringLiteral("tier"), QStringLiteral("review")}}}},
            {QStringLiteral("note"), QStringLiteral("spot checks found problems")}};
        QCOMPARE(http.post(QStringLiteral("/v1/policy/proposals"), draft, m_rita).status, 403);
        QCOMPARE(http.post(QStringLiteral("/v1/policy/proposals"),
                         QJsonObject{{QStringLiteral("changes"), QJsonArray()}}, m_lead)
                     .errorField(),
            QStringLiteral("changes"));
        QCOMPARE(http.post(QStringLiteral("/v1/policy/proposals"),
                         QJsonObject{{QStringLiteral("changes"),
                             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("a.b")},
                                 {QStringLiteral("tier"), QStringLiteral("often")}}}}},
                         m_lead)
                     .errorField(),
            QStringLiteral("changes[0].tier"));

        const HttpResult created = http.post(QStringLiteral("/v1/policy/proposals"), draft, m_lead);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QLatin1String("id")).toString();
        QCOMPARE(created.json().value(QLatin1String("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(created.json().value(QLatin1String("created_by")).toString(), QStringLiteral("lena"));
        const HttpResult listed = http.get(QStringLiteral("/v1/policy/proposals"), m_lead);
        QCOMPARE(listed.json().value(QLatin1String("items")).toArray().size(), 1);

        const int versionBefore
            = http.get(QStringLiteral("/v1/policy"), m_rita).json().value(QLatin1String("version")).toInt();
        const QString apply = QStringLiteral("/v1/policy/proposals/%1/apply").arg(id);
        QCOMPARE(http.post(apply, QJsonObject(), m_lead).status, 403);
        const HttpResult applied = http.post(apply, QJsonObject(), m_admin);
        QCOMPARE(applied.status, 200);
        QCOMPARE(applied.json().value(QLatin1String("state")).toString(), QStringLiteral("applied"));
        QCOMPARE(applied.json().value(QLatin1String("policy_version")).toInt(), versionBefore + 1);
        QCOMPARE(http.post(apply, QJsonObject(), m_admin).status, 409);

        const QJsonObject policy = http.get(QStringLiteral("/v1/policy"), m_rita).json();
        QCOMPARE(policy.value(QLatin1String("version")).toInt(), versionBefore + 1);
        const QJsonObject types
            = policy.value(QLatin1String("document")).toObject().value(QLatin1String("action_types")).toObject();
        QCOMPARE(types.value(QLatin1String("email.send_internal")).toObject().value(QLatin1String("tier")).toString(),
            QStringLiteral("review"));
        QCOMPARE(
            types.value(QLatin1String("crm.merge_contacts")).toObject().value(QLatin1String("category")).toString(),
            QStringLiteral("triage"));
        // The new policy is in force: an internal email now waits for review.
        const HttpResult submitted
            = m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("email.send_internal")}});
        QCOMPARE(submitted.json().value(QLatin1String("state")).toString(), QStringLiteral("pending"));

        const HttpResult second = http.post(QStringLiteral("/v1/policy/proposals"), draft, m_lead);
        const QString reject
            = QStringLiteral("/v1/policy/proposals/%1/reject").arg(second.json().value(QLatin1String("id")).toString());
        QCOMPARE(http.post(reject, QJsonObject(), m_admin).errorField(), QStringLiteral("reason"));
        const HttpResult rejected
            = http.post(reject, QJsonObject{{QStringLiteral("reason"), QStringLiteral("already done")}}, m_admin);
        QCOMPARE(rejected.status, 200);
        QCOMPARE(rejected.json().value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(
            http.post(reject, QJsonObject{{QStringLiteral("reason"), QStringLiteral("again")}}, m_admin).status, 409);
        QCOMPARE(http.post(QStringLiteral("/v1/policy/proposals/nope/apply"), QJsonObject(), m_admin).status, 404);

        QStringList kinds;
        const QJsonArray audit
            = http.get(QStringLiteral("/v1/audit?limit=1000"), m_lead).json().value(QLatin1String("items")).toArray();
        for (const QJsonValue &e : audit)
            kinds.append(e.toObject().value(QLatin1String("kind")).toString());
        QCOMPARE(kinds.count(QStringLiteral("policy.proposal.created")), 2);
        QCOMPARE(kinds.count(QStringLiteral("policy.proposal.applied")), 1);
        QCOMPARE(kinds.count(QStringLiteral("policy.proposal.rejected")), 1);
        QVERIFY(kinds.count(QStringLiteral("policy.updated")) >= 2);
        const HttpResult verify = http.get(QStringLiteral("/v1/audit/verify"), m_lead);
        QCOMPARE(verify.json().value(QLatin1String("ok")).toBool(), true);
    }

    void anUnassignedTypeGetsAHome()
    {
        HttpClient &http = m_server->http();
        // Agents send a type the policy does not name, with a category hint it knows.
        for (int i = 0; i < 2; ++i) {
            const HttpResult r = m_server->submit(m_agent,
                {{QStringLiteral("type"), QStringLiteral("calendar.invite")},
                    {QStringLiteral("category"), QStringLiteral("finance")}});
            QCOMPARE(r.json().value(QLatin1String("unassigned")).toBool(), true);
        }
        const QJsonArray items = http.get(QStringLiteral("/v1/reports/recommendations"), m_lead)
                                     .json()
                                     .value(QLatin1String("items"))
                                     .toArray();
        QJsonObject unassigned;
        for (const QJsonValue &v : items) {
            if (v.toObject().value(QLatin1String("id")).toString() == QLatin1String("unassigned:calendar.invite"))
                unassigned = v.toObject();
        }
        const QJsonArray proposed = unassigned.value(QLatin1String("proposed_changes")).toArray();
        QCOMPARE(proposed.size(), 1);
        QCOMPARE(proposed.at(0).toObject().value(QLatin1String("category")).toString(), QStringLiteral("finance"));

        // The lead proposes another home; an admin applies it.
        QJsonObject change = proposed.at(0).toObject();
        change.insert(QStringLiteral("category"), QStringLiteral("communications"));
        QCOMPARE(http.post(QStringLiteral("/v1/policy/proposals"),
                         QJsonObject{{QStringLiteral("changes"),
                             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("calendar.invite")},
                                 {QStringLiteral("tier"), QStringLiteral("review")},
                                 {QStringLiteral("category"), QStringLiteral("nowhere")}}}}},
                         m_lead)
                     .status,
            400); // not a category of the policy
        const HttpResult created = http.post(QStringLiteral("/v1/policy/proposals"),
            QJsonObject{{QStringLiteral("recommendation_id"), QStringLiteral("unassigned:calendar.invite")},
                {QStringLiteral("changes"), QJsonArray{change}}, {QStringLiteral("note"), QStringLiteral("home")}},
            m_lead);
        QCOMPARE(created.status, 201);
        QCOMPARE(http.post(QStringLiteral("/v1/policy/proposals/%1/apply")
                               .arg(created.json().value(QLatin1String("id")).toString()),
                         QJsonObject(), m_admin)
                     .status,
            200);
        const QJsonObject types = http.get(QStringLiteral("/v1/policy"), m_lead)
                                      .json()
                                      .value(QLatin1String("document"))
                                      .toObject()
                                      .value(QLatin1String("action_types"))
                                      .toObject();
        QCOMPARE(types.value(QLatin1String("calendar.invite")).toObject().value(QLatin1String("category")).toString(),
            QStringLiteral("communications"));

        // New actions of the type land there, assigned, and the reports follow.
        const HttpResult after = m_server->submit(m_agent,
            {{QStringLiteral("type"), QStringLiteral("calendar.invite")},
                {QStringLiteral("category"), QStringLiteral("finance")}});
        QCOMPARE(after.json().value(QLatin1String("category")).toString(), QStringLiteral("communications"));
        QCOMPARE(after.json().value(QLatin1String("unassigned")).toBool(), false);
        const QJsonObject byType = http.get(QStringLiteral("/v1/reports/approvals?group_by=type"), m_lead).json();
        QCOMPARE(groupWithKey(byType, QStringLiteral("calendar.invite")).value(QLatin1String("submitted")).toInt(), 3);
        const QStringList ids
            = recommendationIds(http.get(QStringLiteral("/v1/reports/recommendations"), m_lead).json());
        QVERIFY(!ids.contains(QStringLiteral("unassigned:calendar.invite")));
        bool audited = false;
        const QJsonArray audit
            = http.get(QStringLiteral("/v1/audit?limit=1000"), m_lead).json().value(QLatin1String("items")).toArray();
        for (const QJsonValue &e : audit)
            audited |= e.toObject().value(QLatin1String("kind")).toString() == QLatin1String("policy.proposal.applied");
        QVERIFY(audited);
    }

    void quarterlyAgreesWithApprovals()
    {
        HttpClient &http = m_server->http();
        // Decisions of two reviewers in this quarter, some auto-approvals and a prohibition.
        const QByteArray rob = m_server->token(Role::Reviewer, QStringLiteral("rob"));
        for (int i = 0; i < 9; ++i) {
            const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
            m_server->clock().advance(60 * 1000 * (i + 1));
            const QJsonObject body = i % 3 == 2 ? QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                                                      {QStringLiteral("reason"), QStringLiteral("no")}}
                                                : QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}};
            QCOMPARE(
                http.post(QStringLiteral("/v1/actions/%1/decision").arg(id), body, i % 2 ? rob : m_rita).status, 200);
        }
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("email.send_internal")}});
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("db.drop_table")}});

        const QDate today = m_server->clock().now().toTimeZone(QTimeZone::UTC).date();
        const int q = (today.month() - 1) / 3 + 1;
        const QDate first(today.year(), (q - 1) * 3 + 1, 1);
        const QString window = QStringLiteral("from=%1&to=%2")
                                   .arg(first.toString(Qt::ISODate), first.addMonths(3).toString(Qt::ISODate));
        const HttpResult quarterly
            = http.get(QStringLiteral("/v1/reports/quarterly?quarter=%1Q%2").arg(today.year()).arg(q), m_lead);
        QCOMPARE(quarterly.status, 200);
        const QJsonObject doc = quarterly.json();
        QCOMPARE(doc.value(QLatin1String("quarter")).toString(), QStringLiteral("%1Q%2").arg(today.year()).arg(q));
        const std::pair<const char *, const char *> parts[]
            = {{"by_category", "category"}, {"by_type", "type"}, {"by_week", "week"}, {"by_reviewer", "reviewer"}};
        for (const auto &[key, grouping] : parts) {
            const HttpResult approvals = http.get(
                QStringLiteral("/v1/reports/approvals?%1&group_by=%2").arg(window, QLatin1String(grouping)), m_lead);
            QCOMPARE(approvals.status, 200);
            QCOMPARE(doc.value(QLatin1String(key)).toObject(), approvals.json());
        }
        QCOMPARE(doc.value(QLatin1String("by_category"))
                     .toObject()
                     .value(QLatin1String("totals"))
                     .toObject()
                     .value(QLatin1String("reviewed"))
                     .toInt(),
            9);
        const HttpResult recommendations
            = http.get(QStringLiteral("/v1/reports/recommendations?%1").arg(window), m_lead);
        QCOMPARE(doc.value(QLatin1String("recommendations")).toObject(), recommendations.json());
        // The previous quarter is there to compare with, and empty here.
        const QJsonObject previous = doc.value(QLatin1String("previous")).toObject();
        QCOMPARE(previous.value(QLatin1String("by_category"))
                     .toObject()
                     .value(QLatin1String("totals"))
                     .toObject()
                     .value(QLatin1String("submitted"))
                     .toInt(),
            0);

        QCOMPARE(http.get(QStringLiteral("/v1/reports/quarterly?quarter=2026Q5"), m_lead).errorField(),
            QStringLiteral("quarter"));
        QCOMPARE(http.get(QStringLiteral("/v1/reports/quarterly"), m_lead).errorField(), QStringLiteral("quarter"));
        QCOMPARE(http.get(QStringLiteral("/v1/reports/quarterly?quarter=2026Q4"), m_rita).status, 403);
    }

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_agent, m_rita, m_lead, m_admin;
};

QTEST_GUILESS_MAIN(TestReportRoutes)
#include "tst_reportroutes.moc"
