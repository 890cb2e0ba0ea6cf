#include "approvalreport.h"

#include "domain/timeformat.h"

#include <QJsonArray>

namespace Countersign {

QJsonObject ApprovalReport::toJson() const
{
    QJsonArray items;
    for (const ReportGroup &g : groups)
        items.append(g.toJson());
    return QJsonObject{{QStringLiteral("from"), timeToJson(from)}, {QStringLiteral("to"), timeToJson(to)},
        {QStringLiteral("group_by"), reportGroupingName(groupBy)}, {QStringLiteral("groups"), items},
        {QStringLiteral("totals"), totals.toJson()}};
}

Result<ApprovalReport> ApprovalReport::fromJson(const QJsonObject &object)
{
    ApprovalReport r;
    r.from = fromIsoUtc(object.value(QLatin1String("from")).toString());
    if (!r.from.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("must be a UTC ISO 8601 time")));
    r.to = fromIsoUtc(object.value(QLatin1String("to")).toString());
    if (!r.to.isValid())
        return fail(Error::invalid(QStringLiteral("to"), QStringLiteral("must be a UTC ISO 8601 time")));
    const auto grouping = parseReportGrouping(object.value(QLatin1String("group_by")).toString());
    if (!grouping)
        return fail(Error::invalid(
            QStringLiteral("group_by"), QStringLiteral("must be category, type, reviewer, agent, day or week")));
    r.groupBy = *grouping;
    const QJsonValue groups = object.value(QLatin1String("groups"));
    if (!groups.isArray())
        return fail(Error::invalid(QStringLiteral("groups"), QStringLiteral("must be an array")));
    const QJsonArray items = groups.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto g = ReportGroup::fromJson(items.at(i).toObject());
        if (!g)
            return fail(Error::invalid(QStringLiteral("groups[%1].%2").arg(i).arg(g.error().field), g.error().message));
        r.groups.append(*g);
    }
    auto totals = ReportGroup::fromJson(object.value(QLatin1String("totals")).toObject());
    if (!totals)
        return fail(Error::invalid(QStringLiteral("totals.") + totals.error().field, totals.error().message));
    r.totals = *totals;
    return r;
}

} // namespace Countersign
