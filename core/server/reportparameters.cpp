#include "reportparameters.h"

#include <QRegularExpression>

#include "domain/timeformat.h"
#include "queryparameters.h"

#include <QTimeZone>

#include <cmath>

namespace Countersign {

namespace {

Result<QDateTime> time(const QUrlQuery &query, const QString &name)
{
    if (!query.hasQueryItem(name))
        return QDateTime();
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    QDateTime t;
    if (text.size() == 10) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            t = QDateTime(day, QTime(0, 0), QTimeZone::UTC);
    } else {
        t = fromIsoUtc(text);
    }
    if (!t.isValid())
        return fail(Error::invalid(name, QStringLiteral("must be a UTC ISO 8601 time or date, not \"%1\"").arg(text)));
    return t;
}

} // namespace

Result<ReportEngine::Window> ReportParameters::window(const QUrlQuery &query, const QDateTime &now)
{
    auto from = time(query, QStringLiteral("from"));
    if (!from)
        return fail(from.error());
    auto to = time(query, QStringLiteral("to"));
    if (!to)
        return fail(to.error());
    QDateTime end = *to;
    if (!end.isValid())
        end = QDateTime(now.toTimeZone(QTimeZone::UTC).date().addDays(1), QTime(0, 0), QTimeZone::UTC);
    QDateTime start = *from;
    if (!start.isValid())
        start = end.addDays(-DefaultWindowDays);
    return ReportEngine::window(start, end);
}

Result<std::pair<int, int>> ReportParameters::quarter(const QUrlQuery &query)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})-?[Qq]([1-4])$"));
    const QString text = query.queryItemValue(QStringLiteral("quarter"), QUrl::FullyDecoded);
    const auto match = form.match(text);
    if (!match.hasMatch())
        return fail(Error::invalid(QStringLiteral("quarter"),
            QStringLiteral("must be a year and a quarter such as 2026Q4, not \"%1\"").arg(text)));
    return std::pair<int, int>(match.captured(1).toInt(), match.captured(2).toInt());
}

ReportEngine::Window ReportParameters::quarterWindow(int year, int quarter)
{
    const QDate first(year, (quarter - 1) * 3 + 1, 1);
    ReportEngine::Window w;
    w.firstDay = first;
    w.endDay = first.addMonths(3);
    w.from = QDateTime(w.firstDay, QTime(0, 0), QTimeZone::UTC);
    w.to = QDateTime(w.endDay, QTime(0, 0), QTimeZone::UTC);
    return w;
}

Result<ReportGrouping> ReportParameters::grouping(const QUrlQuery &query)
{
    if (!query.hasQueryItem(QStringLiteral("group_by")))
        return ReportGrouping::Category;
    const QString text = query.queryItemValue(QStringLiteral("group_by"), QUrl::FullyDecoded);
    const auto grouping = parseReportGrouping(text);
    if (!grouping)
        return fail(Error::invalid(QStringLiteral("group_by"),
            QStringLiteral("must be category, type, reviewer, agent, day or week, not \"%1\"").arg(text)));
    return *grouping;
}

Result<RecommendationThresholds> ReportParameters::thresholds(const QUrlQuery &query)
{
    // Read as JSON numbers so RecommendationThresholds checks the ranges in one place.
    QJsonObject values;
    const QJsonObject known = RecommendationThresholds().toJson();
    for (auto it = known.begin(); it != known.end(); ++it) {
        if (!query.hasQueryItem(it.key()))
            continue;
        bool ok = false;
        const QString text = query.queryItemValue(it.key(), QUrl::FullyDecoded);
        const double v = text.toDouble(&ok);
        // toDouble() reads "nan" and "inf", and overflows "1e999" to infinity: none is a threshold.
        if (!ok || !std::isfinite(v))
            return fail(Error::invalid(it.key(), QStringLiteral("must be a finite number, not \"%1\"").arg(text)));
        values.insert(it.key(), v);
    }
    return RecommendationThresholds::fromJson(values);
}

Result<DrillDownQuery> ReportParameters::drillDown(const QUrlQuery &query, const QDateTime &now)
{
    DrillDownQuery q;
    const QString measure = query.queryItemValue(QStringLiteral("measure"), QUrl::FullyDecoded);
    const auto parsed = drillDownMeasureFromName(measure);
    if (!parsed)
        return fail(Error::invalid(QStringLiteral("measure"),
            QStringLiteral("must be one of %1, not \"%2\"")
                .arg(drillDownMeasureNames().join(QStringLiteral(", ")), measure)));
    q.measure = *parsed;
    auto w = window(query, now);
    if (!w)
        return fail(w.error());
    q.from = w->from;
    q.to = w->to;
    q.category = QueryParameters::string(query, QStringLiteral("category"));
    q.type = QueryParameters::string(query, QStringLiteral("type"));
    q.agent = QueryParameters::string(query, QStringLiteral("agent"));
    const QString reviewer = QueryParameters::string(query, QStringLiteral("reviewer"));
    if (!reviewer.isEmpty())
        q.reviewer = reviewer;
    const QString tier = QueryParameters::string(query, QStringLiteral("tier"));
    if (!tier.isEmpty()) {
        q.tier = tierFromName(tier);
        if (!q.tier)
            return fail(Error::invalid(QStringLiteral("tier"), QStringLiteral("must be auto, review or prohibited")));
    }
    auto limit = QueryParameters::integer(
        query, QStringLiteral("limit"), 1, DrillDownQuery::MaxLimit, DrillDownQuery::DefaultLimit);
    if (!limit)
        return fail(limit.error());
    q.limit = int(*limit);
    q.cursor = QueryParameters::string(query, QStringLiteral("cursor"));
    return q;
}

} // namespace Countersign
