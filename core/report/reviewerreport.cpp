#include "reviewerreport.h"

#include "domain/timeformat.h"
#include "durationhistogram.h"
#include "reportjson.h"

#include <QJsonArray>
#include <QMap>

namespace Countersign {

namespace {

QJsonValue orNull(double v)
{
    return v < 0 ? QJsonValue() : QJsonValue(v);
}

double readOptional(const QJsonObject &o, const char *name, bool &ok)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isNull() || v.isUndefined())
        return -1;
    ok = ok && v.isDouble() && v.toDouble() >= 0;
    return v.toDouble();
}

} // namespace

QJsonObject ReviewerReport::Row::toJson() const
{
    return QJsonObject{{QStringLiteral("reviewer"), reviewer}, {QStringLiteral("decisions"), double(decisions)},
        {QStringLiteral("decision_share"), decisionShare}, {QStringLiteral("approved"), double(approved)},
        {QStringLiteral("modified"), double(modified)}, {QStringLiteral("rejected"), double(rejected)},
        {QStringLiteral("decide_time_median_s"), orNull(decideMedianSeconds)},
        {QStringLiteral("spot_sampled"), double(spotSampled)}, {QStringLiteral("spot_checked"), double(spotChecked)},
        {QStringLiteral("spot_problems"), double(spotProblems)},
        {QStringLiteral("agreement_rate"), orNull(agreementRate)},
        {QStringLiteral("found_wrong_rate"), orNull(foundWrongRate)}};
}

Result<ReviewerReport::Row> ReviewerReport::Row::fromJson(const QJsonObject &o)
{
    Row r;
    r.reviewer = o.value(QLatin1String("reviewer")).toString();
    if (r.reviewer.isEmpty())
        return fail(Error::invalid(QStringLiteral("reviewer"), QStringLiteral("must be a non-empty string")));
    const std::pair<const char *, qint64 Row::*> counts[]
        = {{"decisions", &Row::decisions}, {"approved", &Row::approved}, {"modified", &Row::modified},
            {"rejected", &Row::rejected}, {"spot_sampled", &Row::spotSampled}, {"spot_checked", &Row::spotChecked},
            {"spot_problems", &Row::spotProblems}};
    for (const auto &[name, member] : counts) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isDouble() || v.toDouble() < 0)
            return fail(Error::invalid(QLatin1String(name), QStringLiteral("must be a count (a number >= 0)")));
        r.*member = v.toInteger();
    }
    r.decisionShare = o.value(QLatin1String("decision_share")).toDouble();
    bool ok = true;
    r.decideMedianSeconds = readOptional(o, "decide_time_median_s", ok);
    r.agreementRate = readOptional(o, "agreement_rate", ok);
    r.foundWrongRate = readOptional(o, "found_wrong_rate", ok);
    if (!ok)
        return fail(Error::invalid(
            QStringLiteral("reviewer"), QStringLiteral("has a rate or time that is not a number >= 0 or null")));
    return r;
}

ReviewerReport ReviewerReport::compute(
    const QList<RollupRow> &reviewerRows, const QList<SpotCheckTally> &spotChecks, const ReportEngine::Window &window)
{
    ReviewerReport report;
    report.from = window.from;
    report.to = window.to;
    QMap<QString, RollupCounts> counts;
    for (const RollupRow &row : reviewerRows) {
        if (!row.reviewer.isEmpty())
            counts[row.reviewer] += row.counts;
    }
    QMap<QString, SpotCheckTally> tallies;
    for (const SpotCheckTally &t : spotChecks) {
        if (!t.reviewer.isEmpty())
            tallies.insert(t.reviewer, t);
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        report.totalDecisions += it->reviewed();
    // A reviewer with sampled approvals has decisions on the same days; the union keeps a row
    // even if the two reads were taken a commit apart.
    QStringList names = counts.keys();
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it) {
        if (!counts.contains(it.key()))
            names.append(it.key());
    }
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const RollupCounts c = counts.value(name);
        const SpotCheckTally t = tallies.value(name);
        Row r;
        r.reviewer = name;
        r.approved = c.approved;
        r.modified = c.modified;
        r.rejected = c.rejected;
        r.decisions = c.reviewed();
        r.decisionShare = report.totalDecisions > 0 ? double(r.decisions) / double(report.totalDecisions) : 0.0;
        r.decideMedianSeconds = DurationHistogram::quantileSeconds(c.decideTime, 0.5);
        r.spotSampled = t.sampled;
        r.spotChecked = t.checked;
        r.spotProblems = t.problems;
        if (t.checked > 0) {
            r.foundWrongRate = double(t.problems) / double(t.checked);
            r.agreementRate = double(t.checked - t.problems) / double(t.checked);
        }
        report.rows.append(r);
    }
    return report;
}

ReviewerReport ReviewerReport::onlyFor(const QString &reviewer) const
{
    ReviewerReport narrowed = *this;
    narrowed.rows.removeIf([&reviewer](const Row &r) {
        return r.reviewer != reviewer;
    });
    return narrowed;
}

QJsonObject ReviewerReport::toJson() const
{
    QJsonArray items;
    for (const Row &r : rows)
        items.append(r.toJson());
    return QJsonObject{{QStringLiteral("from"), timeToJson(from)}, {QStringLiteral("to"), timeToJson(to)},
        {QStringLiteral("total_decisions"), double(totalDecisions)}, {QStringLiteral("reviewers"), items}};
}

Result<ReviewerReport> ReviewerReport::fromJson(const QJsonObject &object)
{
    ReviewerReport r;
    if (auto ok = ReportJson::window(object, r.from, r.to); !ok)
        return fail(ok.error());
    r.totalDecisions = object.value(QLatin1String("total_decisions")).toInteger();
    const QJsonValue rows = object.value(QLatin1String("reviewers"));
    if (!rows.isArray())
        return fail(Error::invalid(QStringLiteral("reviewers"), QStringLiteral("must be an array")));
    auto items = ReportJson::list<Row>(rows.toArray(), QStringLiteral("reviewers"));
    if (!items)
        return fail(items.error());
    r.rows = *items;
    return r;
}

} // namespace Countersign
