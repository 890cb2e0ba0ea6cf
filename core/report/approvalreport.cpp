#include "approvalreport.h"

#include "domain/timeformat.h"
#include "reportjson.h"

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
    if (auto ok = ReportJson::window(object, r.from, r.to); !ok)
        return fail(ok.error());
    const auto grouping = parseReportGrouping(object.value(QLatin1String("group_by")).toString());
    if (!grouping)
        return fail(Error::invalid(
            QStringLiteral("group_by"), QStringLiteral("must be category, type, reviewer, agent, day or week")));
    r.groupBy = *grouping;
    const QJsonValue groups = object.value(QLatin1String("groups"));
    if (!groups.isArray())
        return fail(Error::invalid(QStringLiteral("groups"), QStringLiteral("must be an array")));
    auto items = ReportJson::list<ReportGroup>(groups.toArray(), QStringLiteral("groups"));
    if (!items)
        return fail(items.error());
    r.groups = *items;
    auto totals = ReportGroup::fromJson(object.value(QLatin1String("totals")).toObject());
    if (!totals)
        return fail(Error::invalid(QStringLiteral("totals.") + totals.error().field, totals.error().message));
    r.totals = *totals;
    return r;
}

} // namespace Countersign
