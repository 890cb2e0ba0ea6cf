// GET /v1/reports/reviewers and the spot checks of reviewers' approvals, over a real QueueServer
// on loopback with a ManualClock, so every number is known. Built twice: on SQLite
// (tst_reviewerroutes) and on PostgreSQL (tst_reviewerroutes_postgres, COUNTERSIGN_TEST_POSTGRES).
#include "backendtestserver.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

constexpr qint64 Second = 1000;

QJsonObject rowOf(const QJsonObject &report, const QString &reviewer)
{
    for (const QJsonValue &r : report.value(QLatin1String("reviewers")).toArray()) {
        if (r.toObject().value(QLatin1String("reviewer")).toString() == reviewer)
            return r.toObject();
    }
    return {};
}

} // namespace

class TestReviewerRoutes : public BackendRouteTestCase
{
    Q_OBJECT
    ServerConfig config() const override
    {
        ServerConfig c = TestServer::defaultConfig();
        c.spotCheckFraction = 1.0; // every approval is sampled, the policy's and the reviewers'
        return c;
    }
    void setUpServer() override
    {
        m_ravi = m_server->token(Role::Reviewer, QStringLiteral("ravi"));
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
        seed();
    }

private Q_SLOTS:
    // rita: 3 approvals, 1 modification, 1 rejection, 30 s each from claim to decision; ravi: 2
    // approvals and 1 rejection, 120 s each. ravi finds one of rita's 4 approvals a problem.
    void sharesMediansAndAgreement()
    {
        const HttpResult r = m_server->http().get(QStringLiteral("/v1/reports/reviewers"), m_lead);
        QCOMPARE(r.status, 200);
        const QJsonObject report = r.json();
        QCOMPARE(report.value(QLatin1String("total_decisions")).toInt(), 8);
        const QJsonArray rows = report.value(QLatin1String("reviewers")).toArray();
        QCOMPARE(rows.size(), 2);
        double shares = 0;
        for (const QJsonValue &row : rows)
            shares += row.toObject().value(QLatin1String("decision_share")).toDouble();
        QCOMPARE(shares, 1.0);

        const QJsonObject rita = rowOf(report, QStringLiteral("rita"));
        QCOMPARE(rita.value(QLatin1String("decisions")).toInt(), 5);
        QCOMPARE(rita.value(QLatin1String("decision_share")).toDouble(), 5.0 / 8.0);
        QCOMPARE(rita.value(QLatin1String("approved")).toInt(), 3);
        QCOMPARE(rita.value(QLatin1String("modified")).toInt(), 1);
        QCOMPARE(rita.value(QLatin1String("rejected")).toInt(), 1);
        // 30 s lies in the bucket [25.4 s, 32 s); 120 s in [101.6 s, 128 s).
        const double ritaMedian = rita.value(QLatin1String("decide_time_median_s")).toDouble();
        QVERIFY2(ritaMedian >= 25.4 && ritaMedian < 32, qPrintable(QString::number(ritaMedian)));
        QCOMPARE(rita.value(QLatin1String("spot_sampled")).toInt(), 4);
        QCOMPARE(rita.value(QLatin1String("spot_checked")).toInt(), 4);
        QCOMPARE(rita.value(QLatin1String("spot_problems")).toInt(), 1);
        QCOMPARE(rita.value(QLatin1String("agreement_rate")).toDouble(), 0.75);
        QCOMPARE(rita.value(QLatin1String("found_wrong_rate")).toDouble(), 0.25);

        const QJsonObject ravi = rowOf(report, QStringLiteral("ravi"));
        QCOMPARE(ravi.value(QLatin1String("decisions")).toInt(), 3);
        QCOMPARE(ravi.value(QLatin1String("approved")).toInt(), 2);
        QCOMPARE(ravi.value(QLatin1String("rejected")).toInt(), 1);
        const double raviMedian = ravi.value(QLatin1String("decide_time_median_s")).toDouble();
        QVERIFY2(raviMedian >= 101.5 && raviMedian < 128, qPrintable(QString::number(raviMedian)));
        // ravi's two approvals are sampled; rita checked one of them.
        QCOMPARE(ravi.value(QLatin1String("spot_sampled")).toInt(), 2);
        QCOMPARE(ravi.value(QLatin1String("spot_checked")).toInt(), 1);
        QCOMPARE(ravi.value(QLatin1String("spot_problems")).toInt(), 0);
        QCOMPARE(ravi.value(QLatin1String("agreement_rate")).toDouble(), 1.0);
        QCOMPARE(ravi.value(QLatin1String("found_wrong_rate")).toDouble(), 0.0);

        // The same numbers in the quarterly review of the quarter the decisions fell in.
        const QDate today = m_server->clock().now().toTimeZone(QTimeZone::UTC).date();
        const int quarter = (today.month() - 1) / 3 + 1;
        const QDate first(today.year(), (quarter - 1) * 3 + 1, 1);
        const HttpResult quarterly = m_server->http().get(
            QStringLiteral("/v1/reports/quarterly?quarter=%1Q%2").arg(today.year()).arg(quarter), m_lead);
        QCOMPARE(quarterly.status, 200);
        const HttpResult window
            = m_server->http().get(QStringLiteral("/v1/reports/reviewers?from=%1&to=%2")
                                       .arg(first.toString(Qt::ISODate), first.addMonths(3).toString(Qt::ISODate)),
                m_lead);
        QCOMPARE(window.status, 200);
        QCOMPARE(quarterly.json().value(QLatin1String("reviewers")).toObject(), window.json());
        QCOMPARE(window.json().value(QLatin1String("reviewers")).toArray(), rows);

        // Outside the window: nothing; the same window semantics as the approvals report.
        const HttpResult old
            = m_server->http().get(QStringLiteral("/v1/reports/reviewers?from=2001-01-01&to=2001-02-01"), m_lead);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.json().value(QLatin1String("reviewers")).toArray().size(), 0);
        QCOMPARE(old.json().value(QLatin1String("from")).toString(), QStringLiteral("2001-01-01T00:00:00.000Z"));
        QCOMPARE(old.json().value(QLatin1String("total_decisions")).toInt(), 0);
    }

    void aReviewerSeesOnlyTheirRow()
    {
        HttpClient &http = m_server->http();
        const HttpResult own = http.get(QStringLiteral("/v1/reports/reviewers"), m_rita);
        QCOMPARE(own.status, 200);
        const QJsonArray rows = own.json().value(QLatin1String("reviewers")).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QLatin1String("reviewer")).toString(), QStringLiteral("rita"));
        QCOMPARE(rows.at(0).toObject().value(QLatin1String("decision_share")).toDouble(), 5.0 / 8.0);
        // A reviewer without decisions gets an empty list, not someone else's row.
        const HttpResult none = http.get(
            QStringLiteral("/v1/reports/reviewers"), m_server->token(Role::Reviewer, QStringLiteral("rosa")));
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json().value(QLatin1String("reviewers")).toArray().size(), 0);

        QCOMPARE(http.get(QStringLiteral("/v1/reports/reviewers"), m_agent).status, 403);
        QCOMPARE(http.get(QStringLiteral("/v1/reports/reviewers")).status, 401);
        const HttpResult bad = http.get(QStringLiteral("/v1/reports/reviewers?from=yesterday"), m_lead);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorField(), QStringLiteral("from"));
    }

    // The checks of reviewers' approvals carry who approved; the approver may not judge them,
    // and their problems leave the "tighten" recommendations alone.
    void selfVerdictRefusedAndTightenCountsOnlyAuto()
    {
        HttpClient &http = m_server->http();
        const HttpResult open = http.get(QStringLiteral("/v1/spotchecks?state=open"), m_lead);
        QCOMPARE(open.status, 200);
        const QJsonArray items = open.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 1); // ravi's second approval
        const QJsonObject check = items.at(0).toObject();
        QCOMPARE(check.value(QLatin1String("source")).toString(), QStringLiteral("review"));
        QCOMPARE(check.value(QLatin1String("approved_by")).toString(), QStringLiteral("ravi"));
        const QString path = QStringLiteral("/v1/spotchecks/%1").arg(check.value(QLatin1String("id")).toString());
        const HttpResult self = http.post(path, QJsonObject{{QStringLiteral("verdict"), QStringLiteral("ok")}}, m_ravi);
        QCOMPARE(self.status, 409);
        QCOMPARE(self.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(self.errorField(), QStringLiteral("approved_by"));
        QVERIFY(self.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("ravi")));
        // Still open; a lead may give the verdict.
        QCOMPARE(http.get(QStringLiteral("/v1/spotchecks?state=open"), m_lead)
                     .json()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
            1);
        QCOMPARE(http.post(path, QJsonObject{{QStringLiteral("verdict"), QStringLiteral("ok")}}, m_lead).status, 200);

        // An auto-approval is sampled as before (source auto, approved by the policy).
        const QString autoId
            = m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("email.send_internal")}})
                  .json()
                  .value(QLatin1String("id"))
                  .toString();
        const QJsonObject autoCheck = http.get(QStringLiteral("/v1/spotchecks?state=open"), m_lead)
                                          .json()
                                          .value(QLatin1String("items"))
                                          .toArray()
                                          .at(0)
                                          .toObject();
        QCOMPARE(autoCheck.value(QLatin1String("id")).toString(), autoId);
        QCOMPARE(autoCheck.value(QLatin1String("source")).toString(), QStringLiteral("auto"));
        QCOMPARE(autoCheck.value(QLatin1String("approved_by")).toString(), QStringLiteral("policy"));

        // rita's approval of email.send_external was found a problem: no "tighten" for it.
        const HttpResult recommendations = http.get(QStringLiteral("/v1/reports/recommendations"), m_lead);
        QCOMPARE(recommendations.status, 200);
        for (const QJsonValue &item : recommendations.json().value(QLatin1String("items")).toArray()) {
            const QString id = item.toObject().value(QLatin1String("id")).toString();
            QVERIFY2(!id.startsWith(QLatin1String("tighten:")) && !id.startsWith(QLatin1String("tighten-rule:")),
                qPrintable(id));
        }
    }

private:
    QString decide(const QByteArray &token, const QJsonObject &decision, qint64 claimedMs)
    {
        HttpClient &http = m_server->http();
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        m_server->clock().advance(60 * Second);
        if (http.post(QStringLiteral("/v1/actions/%1/claim").arg(id), QJsonObject(), token).status != 200)
            return {};
        m_server->clock().advance(claimedMs);
        if (http.post(QStringLiteral("/v1/actions/%1/decision").arg(id), decision, token).status != 200)
            return {};
        return id;
    }

    void seed()
    {
        const QJsonObject approve{{QStringLiteral("outcome"), QStringLiteral("approve")}};
        const QJsonObject modify{{QStringLiteral("outcome"), QStringLiteral("modify")},
            {QStringLiteral("payload"), QJsonObject{{QStringLiteral("content"), QStringLiteral("edited")}}}};
        const QJsonObject reject{
            {QStringLiteral("outcome"), QStringLiteral("reject")}, {QStringLiteral("reason"), QStringLiteral("no")}};
        QStringList ritas;
        for (const QJsonObject &d : {approve, approve, approve, modify})
            ritas.append(decide(m_rita, d, 30 * Second));
        QVERIFY(!decide(m_rita, reject, 30 * Second).isEmpty());
        QStringList ravis;
        for (const QJsonObject &d : {approve, approve})
            ravis.append(decide(m_ravi, d, 120 * Second));
        QVERIFY(!decide(m_ravi, reject, 120 * Second).isEmpty());
        QVERIFY(!ritas.contains(QString()) && !ravis.contains(QString()));

        HttpClient &http = m_server->http();
        const auto verdict = [&](const QString &id, const QByteArray &token, bool problem) {
            const QJsonObject body = problem ? QJsonObject{{QStringLiteral("verdict"), QStringLiteral("problem")},
                                                   {QStringLiteral("note"), QStringLiteral("wrong recipient")}}
                                             : QJsonObject{{QStringLiteral("verdict"), QStringLiteral("ok")}};
            return http.post(QStringLiteral("/v1/spotchecks/%1").arg(id), body, token).status;
        };
        QCOMPARE(verdict(ritas.at(0), m_ravi, true), 200);
        for (int i = 1; i < 4; ++i)
            QCOMPARE(verdict(ritas.at(i), m_ravi, false), 200);
        QCOMPARE(verdict(ravis.at(0), m_rita, false), 200);
    }

    QByteArray m_ravi;
    QByteArray m_lead;
};

QTEST_GUILESS_MAIN(TestReviewerRoutes)
#include "tst_reviewerroutes.moc"
