// GET /v1/reports/actions (the report drill-down, issue 19) over a real QueueServer on loopback:
// for every row of /v1/reports/approvals in several groupings and every counter, the drill-down
// lists exactly the actions the report counted. Built twice: on SQLite (tst_drilldown) and on
// PostgreSQL (tst_drilldown_postgres, COUNTERSIGN_TEST_POSTGRES).
#include "backendtestserver.h"
#include "policy/policy.h"
#include "policy/policyengine.h"
#include "report/drilldownquery.h"
#include "server/demohistory.h"
#include "server/storeworker.h"
#include "testresult.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Countersign;
using namespace Countersign::Test;

class TestDrillDown : public BackendRouteTestCase
{
    Q_OBJECT
    void setUpServer() override
    {
        m_lead = m_server->token(Role::Lead, QStringLiteral("lena"));
        // A quarter of history (every outcome, SLA breaches, escalations) through the store.
        auto policy = Policy::parse(PolicyEngine::demoPolicy());
        QVERIFY(policy);
        const QDateTime now = m_server->clock().now();
        auto seeded = m_server->server().storeWorker()->call<int>(
            [p = *policy, now](Store &store) {
                return DemoHistory::seedOnce(store, p, now);
            },
            std::chrono::seconds(60));
        CS_VERIFY_OK(seeded);
        QVERIFY(*seeded > 1000);
    }

private:
    QByteArray m_lead;
    // The server's clock starts at 2026-01-01 09:00 UTC; the demo history fills the 90 days before.
    const QString m_from = QStringLiteral("2025-09-20");
    const QString m_to = QStringLiteral("2026-01-03");

    struct Listed {
        qint64 total = -1;
        QStringList ids;
        QList<QJsonObject> items;
        int pages = 0;
        QString error;
    };

    // Every page of a drill-down, following next_cursor.
    Listed listAll(QUrlQuery query, int limit = DrillDownQuery::MaxLimit)
    {
        Listed out;
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        QString cursor;
        do {
            QUrlQuery q = query;
            if (!cursor.isEmpty())
                q.addQueryItem(QStringLiteral("cursor"), cursor);
            const HttpResult r
                = m_server->http().get(QStringLiteral("/v1/reports/actions?") + q.toString(QUrl::FullyEncoded), m_lead);
            if (r.status != 200) {
                out.error = QStringLiteral("status %1: %2").arg(r.status).arg(QString::fromUtf8(r.body));
                return out;
            }
            const QJsonObject page = r.json();
            const qint64 total = page.value(QLatin1String("total")).toInteger();
            if (out.total >= 0 && total != out.total) {
                out.error = QStringLiteral("the total changed between pages");
                return out;
            }
            out.total = total;
            for (const QJsonValue &item : page.value(QLatin1String("items")).toArray()) {
                out.ids.append(item.toObject().value(QLatin1String("id")).toString());
                out.items.append(item.toObject());
            }
            ++out.pages;
            cursor = page.value(QLatin1String("next_cursor")).toString();
        } while (!cursor.isEmpty() && out.pages < 1000);
        return out;
    }

    QJsonObject approvals(const QString &groupBy, const QString &from, const QString &to)
    {
        const HttpResult r = m_server->http().get(
            QStringLiteral("/v1/reports/approvals?group_by=%1&from=%2&to=%3").arg(groupBy, from, to), m_lead);
        return r.status == 200 ? r.json() : QJsonObject();
    }

    // The drill-down of one report cell: the window and the row's filter.
    static QUrlQuery cellQuery(const QString &groupBy, const QString &key, const QString &from, const QString &to)
    {
        QUrlQuery q;
        QDate first = QDate::fromString(from, Qt::ISODate);
        QDate end = QDate::fromString(to, Qt::ISODate);
        if (key.isEmpty()) {
            // the totals: no filter
        } else if (groupBy == QLatin1String("day") || groupBy == QLatin1String("week")) {
            const QDate day = QDate::fromString(key, Qt::ISODate);
            first = qMax(first, day);
            end = qMin(end, day.addDays(groupBy == QLatin1String("day") ? 1 : 7));
        } else {
            q.addQueryItem(groupBy, key);
        }
        q.addQueryItem(QStringLiteral("from"), first.toString(Qt::ISODate));
        q.addQueryItem(QStringLiteral("to"), end.toString(Qt::ISODate));
        return q;
    }

    // Why a listed item is not one of the cell's facts (empty: it is), read from what the item
    // says it is: the outcome counted, the decider, its times and fields.
    static QString explainMismatch(
        const QJsonObject &item, const QString &measure, const QString &groupBy, const QString &key, const QUrlQuery &q)
    {
        const QString outcome = item.value(QLatin1String("outcome")).toString();
        const QString from = q.queryItemValue(QStringLiteral("from"));
        const QString to = q.queryItemValue(QStringLiteral("to"));
        const auto within = [&](const char *field) {
            const QString at = item.value(QLatin1String(field)).toString();
            return at >= from && at < to;
        };
        static const QStringList reviewed{
            QStringLiteral("approved"), QStringLiteral("modified"), QStringLiteral("rejected")};
        if (measure == QLatin1String("submitted")) {
            if (!within("created_at"))
                return QStringLiteral("created outside the window");
        } else if (measure != QLatin1String("escalations")) {
            if (!within("decided_at"))
                return QStringLiteral("decided outside the window");
            const bool fits = measure == QLatin1String("reviewed") ? reviewed.contains(outcome)
                : measure == QLatin1String("sla_breaches")
                ? reviewed.contains(outcome) || outcome == QLatin1String("expired")
                : outcome == measure;
            if (!fits)
                return QStringLiteral("counted as %1").arg(outcome);
        }
        if (!key.isEmpty() && groupBy != QLatin1String("day") && groupBy != QLatin1String("week")
            && item.value(groupBy).toString() != key)
            return QStringLiteral("%1 is %2").arg(groupBy, item.value(groupBy).toString());
        return {};
    }

    // Checks every counter of every row (and the totals) of one report against the drill-down.
    void compareReport(const QString &groupBy, const QString &from, const QString &to, int *cells)
    {
        const QJsonObject report = approvals(groupBy, from, to);
        QVERIFY2(!report.isEmpty(), qPrintable(groupBy));
        QJsonArray rows = report.value(QLatin1String("groups")).toArray();
        QVERIFY2(!rows.isEmpty(), qPrintable(groupBy));
        QJsonObject totals = report.value(QLatin1String("totals")).toObject();
        totals.insert(QStringLiteral("key"), QString()); // no filter
        rows.append(totals);
        for (const QJsonValue &value : std::as_const(rows)) {
            const QJsonObject row = value.toObject();
            const QString key = row.value(QLatin1String("key")).toString();
            for (const QString &measure : drillDownMeasureNames()) {
                QUrlQuery q = cellQuery(groupBy, key, from, to);
                q.addQueryItem(QStringLiteral("measure"), measure);
                const Listed listed = listAll(q);
                const QString where = QStringLiteral("%1=%2 %3").arg(groupBy, key, measure);
                QVERIFY2(listed.error.isEmpty(), qPrintable(where + u' ' + listed.error));
                const qint64 counted = row.value(measure).toInteger();
                QVERIFY2(listed.total == counted,
                    qPrintable(QStringLiteral("%1: total %2, report %3").arg(where).arg(listed.total).arg(counted)));
                QCOMPARE(listed.ids.size(), counted);
                QCOMPARE(QSet<QString>(listed.ids.begin(), listed.ids.end()).size(), counted);
                for (const QJsonObject &item : listed.items) {
                    const QString why = explainMismatch(item, measure, groupBy, key, q);
                    QVERIFY2(why.isEmpty(), qPrintable(where + u' ' + why));
                }
                ++*cells;
            }
        }
    }

private Q_SLOTS:
    void listsExactlyTheActionsCounted()
    {
        // Today's live actions too: decided through the API, one withdrawn, one auto-approved.
        HttpClient &http = m_server->http();
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(m_server->submit(m_agent).json().value(QLatin1String("id")).toString());
        m_server->submit(m_agent, {{QStringLiteral("type"), QStringLiteral("email.send_internal")}});
        m_server->clock().advance(60 * 1000);
        QCOMPARE(http.post(QStringLiteral("/v1/actions/%1/decision").arg(ids.at(0)),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("approve")}}, m_rita)
                     .status,
            200);
        QCOMPARE(http.post(QStringLiteral("/v1/actions/%1/decision").arg(ids.at(1)),
                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("reject")},
                             {QStringLiteral("reason"), QStringLiteral("no")}},
                         m_rita)
                     .status,
            200);
        QCOMPARE(
            http.post(QStringLiteral("/v1/actions/%1/withdraw").arg(ids.at(2)), QJsonObject(), m_agent).status, 200);
        // Expiries (the demo has none): finance expires, communications rejects and notifications
        // approve on expiry; the first pass also escalates what passed its SLA.
        for (const char *type : {"refund.issue", "refund.issue", "chat.post_status"})
            QVERIFY(m_server->submit(m_agent, {{QStringLiteral("type"), QLatin1String(type)}}).status == 201);
        m_server->clock().advance(2 * 3600 * 1000);
        QVERIFY(m_server->runScheduler());
        m_server->clock().advance(23 * 3600 * 1000); // 2 January, 10:00
        QVERIFY(m_server->runScheduler());
        QVERIFY(m_server->runScheduler());

        // Every counter has actions behind it, so no comparison below is 0 against 0 only.
        const QJsonObject totals
            = approvals(QStringLiteral("category"), m_from, m_to).value(QLatin1String("totals")).toObject();
        for (const QString &measure : drillDownMeasureNames())
            QVERIFY2(totals.value(measure).toInteger() > 0, qPrintable(measure));

        int cells = 0;
        for (const QString &groupBy : {QStringLiteral("category"), QStringLiteral("type"), QStringLiteral("reviewer"),
                 QStringLiteral("agent"), QStringLiteral("week")}) {
            compareReport(groupBy, m_from, m_to, &cells);
            if (QTest::currentTestFailed())
                return;
        }
        // Days, in a window that starts mid-week (the first week's row holds only its last days).
        compareReport(QStringLiteral("day"), QStringLiteral("2025-12-10"), m_to, &cells);
        compareReport(QStringLiteral("week"), QStringLiteral("2025-12-10"), QStringLiteral("2025-12-27"), &cells);
        QVERIFY(cells > 500);
        qInfo("%d report cells agree with their drill-down", cells);
    }

    void pagesAreNewestFirstAndComplete()
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("measure"), QStringLiteral("submitted"));
        q.addQueryItem(QStringLiteral("from"), m_from);
        q.addQueryItem(QStringLiteral("to"), m_to);
        const Listed whole = listAll(q);
        QVERIFY2(whole.error.isEmpty(), qPrintable(whole.error));
        QVERIFY(whole.total > 1000);
        QCOMPARE(whole.pages, int((whole.total + DrillDownQuery::MaxLimit - 1) / DrillDownQuery::MaxLimit));
        const Listed paged = listAll(q, 37);
        QVERIFY2(paged.error.isEmpty(), qPrintable(paged.error));
        QCOMPARE(paged.ids, whole.ids);
        QCOMPARE(paged.pages, int((whole.total + 36) / 37));

        // How long a page of the 90 days takes (a figure for docs/reports.md, not a limit).
        for (const char *measure : {"submitted", "reviewed", "sla_breaches", "escalations"}) {
            const HttpResult r
                = m_server->http().get(QStringLiteral("/v1/reports/actions?measure=%1&from=%2&to=%3&limit=500")
                                           .arg(QLatin1String(measure), m_from, m_to),
                    m_lead);
            QCOMPARE(r.status, 200);
            qInfo("%s: a page (up to 500) of %lld in %lld ms", measure,
                r.json().value(QLatin1String("total")).toInteger(), r.elapsedMs);
        }

        // Newest first by creation, the default page is 50.
        const HttpResult first
            = m_server->http().get(QStringLiteral("/v1/reports/actions?") + q.toString(QUrl::FullyEncoded), m_lead);
        QCOMPARE(first.status, 200);
        const QJsonArray items = first.json().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), DrillDownQuery::DefaultLimit);
        for (qsizetype i = 1; i < items.size(); ++i)
            QVERIFY(items.at(i - 1).toObject().value(QLatin1String("created_at")).toString()
                >= items.at(i).toObject().value(QLatin1String("created_at")).toString());
        const QJsonObject item = items.at(0).toObject();
        for (const char *field : {"id", "type", "category", "agent", "title", "state", "outcome", "created_at",
                 "decided_at", "confidence", "reviewer"})
            QVERIFY2(item.contains(QLatin1String(field)), field);

        // What an item says it was counted as agrees with the measure.
        QUrlQuery rejected = q;
        rejected.removeAllQueryItems(QStringLiteral("measure"));
        rejected.addQueryItem(QStringLiteral("measure"), QStringLiteral("rejected"));
        const HttpResult r = m_server->http().get(
            QStringLiteral("/v1/reports/actions?") + rejected.toString(QUrl::FullyEncoded), m_lead);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(QLatin1String("items")).toArray().isEmpty());
        for (const QJsonValue &v : r.json().value(QLatin1String("items")).toArray()) {
            QCOMPARE(v.toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("rejected"));
            QVERIFY(!v.toObject().value(QLatin1String("reviewer")).toString().isEmpty());
        }
    }

    void toIsExclusive()
    {
        // An action submitted at midnight belongs to the day that starts then, not the one before.
        const QDateTime midnight(QDate(2026, 1, 2), QTime(0, 0), QTimeZone::UTC);
        m_server->clock().set(midnight);
        const QString id = m_server->submit(m_agent).json().value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());
        auto ids = [&](const QString &from, const QString &to) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("measure"), QStringLiteral("submitted"));
            q.addQueryItem(QStringLiteral("from"), from);
            q.addQueryItem(QStringLiteral("to"), to);
            return listAll(q).ids;
        };
        QVERIFY(!ids(QStringLiteral("2026-01-01"), QStringLiteral("2026-01-02")).contains(id));
        QVERIFY(!ids(QStringLiteral("2026-01-01"), QStringLiteral("2026-01-01T23:59:59.999Z")).contains(id));
        QVERIFY(ids(QStringLiteral("2026-01-02"), QStringLiteral("2026-01-03")).contains(id));
        // A time inside a day rounds out to the whole day, as the report does.
        QVERIFY(ids(QStringLiteral("2026-01-02T12:00:00Z"), QStringLiteral("2026-01-02T12:00:01Z")).contains(id));
        const QJsonObject report
            = approvals(QStringLiteral("day"), QStringLiteral("2026-01-02"), QStringLiteral("2026-01-03"));
        QCOMPARE(report.value(QLatin1String("totals")).toObject().value(QLatin1String("submitted")).toInt(), 1);
    }

    void refusesBadParametersAndOtherRoles()
    {
        HttpClient &http = m_server->http();
        const QString path = QStringLiteral("/v1/reports/actions?measure=approved");
        QCOMPARE(http.get(path, m_lead).status, 200);
        QCOMPARE(http.get(path, m_rita).status, 403);
        QCOMPARE(http.get(path, m_agent).status, 403);
        QCOMPARE(http.get(path).status, 401);
        auto approvalsField = [&](const QString &query) {
            return http.get(QStringLiteral("/v1/reports/approvals?") + query, m_lead).errorField();
        };
        auto field = [&](const QString &query) {
            const HttpResult r = http.get(QStringLiteral("/v1/reports/actions?") + query, m_lead);
            return r.status == 400 ? r.errorField() : QStringLiteral("status %1").arg(r.status);
        };
        QCOMPARE(field(QString()), QStringLiteral("measure"));
        QCOMPARE(field(QStringLiteral("measure=approvals")), QStringLiteral("measure"));
        QCOMPARE(field(QStringLiteral("measure=approved&limit=0")), QStringLiteral("limit"));
        QCOMPARE(field(QStringLiteral("measure=approved&limit=501")), QStringLiteral("limit"));
        QCOMPARE(field(QStringLiteral("measure=approved&from=yesterday")), QStringLiteral("from"));
        QCOMPARE(field(QStringLiteral("measure=approved&from=2026-01-02&to=2026-01-01")),
            approvalsField(QStringLiteral("from=2026-01-02&to=2026-01-01"))); // as the report names it
        QCOMPARE(field(QStringLiteral("measure=approved&tier=maybe")), QStringLiteral("tier"));
        QCOMPARE(field(QStringLiteral("measure=approved&cursor=%21%21")), QStringLiteral("cursor"));
        // A cursor belongs to its measure.
        const HttpResult page = http.get(QStringLiteral("/v1/reports/actions?measure=submitted&limit=1&from=") + m_from
                + QStringLiteral("&to=") + m_to,
            m_lead);
        const QString cursor = page.json().value(QLatin1String("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(field(QStringLiteral("measure=rejected&cursor=") + cursor), QStringLiteral("cursor"));
    }
};

QTEST_GUILESS_MAIN(TestDrillDown)
#include "tst_drilldown.moc"
