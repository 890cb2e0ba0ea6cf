#include "simulationreport.h"

#include "domain/timeformat.h"
#include "reportjson.h"

#include <QJsonArray>

namespace Countersign {

namespace {

constexpr std::array AllTiers{Tier::Auto, Tier::Review, Tier::Prohibited};

QJsonArray toArray(const QStringList &ids)
{
    return QJsonArray::fromStringList(ids);
}

QStringList fromArray(const QJsonValue &value)
{
    QStringList ids;
    for (const QJsonValue &v : value.toArray())
        ids.append(v.toString());
    return ids;
}

qint64 integer(const QJsonObject &o, const QString &key)
{
    return qint64(o.value(key).toDouble());
}

QJsonObject tierCounts(const SimulationGroup &g, bool proposed)
{
    QJsonObject o;
    for (Tier t : AllTiers)
        o.insert(tierName(t), proposed ? g.proposedIn(t) : g.currentIn(t));
    return o;
}

} // namespace

qint64 SimulationGroup::currentIn(Tier tier) const
{
    qint64 n = 0;
    for (qint64 v : moves[std::size_t(tier)])
        n += v;
    return n;
}

qint64 SimulationGroup::proposedIn(Tier tier) const
{
    qint64 n = 0;
    for (const auto &row : moves)
        n += row[std::size_t(tier)];
    return n;
}

qint64 SimulationGroup::moved() const
{
    qint64 n = 0;
    for (Tier from : AllTiers) {
        for (Tier to : AllTiers) {
            if (from != to)
                n += moves[std::size_t(from)][std::size_t(to)];
        }
    }
    return n;
}

QJsonObject SimulationGroup::toJson() const
{
    QJsonObject o;
    if (!type.isEmpty()) {
        o.insert(QStringLiteral("type"), type);
        o.insert(QStringLiteral("category"), category);
    }
    o.insert(QStringLiteral("actions"), actions);
    o.insert(QStringLiteral("moved"), moved());
    QJsonObject matrix;
    for (Tier from : AllTiers) {
        QJsonObject row;
        for (Tier to : AllTiers)
            row.insert(tierName(to), moves[std::size_t(from)][std::size_t(to)]);
        matrix.insert(tierName(from), row);
    }
    o.insert(QStringLiteral("moves"), matrix);
    o.insert(QStringLiteral("current"), tierCounts(*this, false));
    o.insert(QStringLiteral("proposed"), tierCounts(*this, true));
    o.insert(QStringLiteral("to_auto"),
        QJsonObject{{QStringLiteral("count"), toAuto.count()}, {QStringLiteral("approved"), toAuto.approved},
            {QStringLiteral("modified"), toAuto.modified}, {QStringLiteral("rejected"), toAuto.rejected},
            {QStringLiteral("expired"), toAuto.expired}, {QStringLiteral("undecided"), toAuto.undecided},
            {QStringLiteral("examples"),
                QJsonObject{{QStringLiteral("approved"), toArray(toAuto.approvedExamples)},
                    {QStringLiteral("modified"), toArray(toAuto.modifiedExamples)},
                    {QStringLiteral("rejected"), toArray(toAuto.rejectedExamples)},
                    {QStringLiteral("expired"), toArray(toAuto.expiredExamples)}}}});
    o.insert(QStringLiteral("to_review"),
        QJsonObject{{QStringLiteral("count"), toReview}, {QStringLiteral("reviewer_seconds"), reviewerSeconds}});
    o.insert(QStringLiteral("to_prohibited"),
        QJsonObject{{QStringLiteral("count"), toProhibited}, {QStringLiteral("approved"), prohibitedApproved},
            {QStringLiteral("examples"), toArray(prohibitedApprovedExamples)}});
    o.insert(QStringLiteral("problems_kept_auto"),
        QJsonObject{
            {QStringLiteral("count"), problemsKeptAuto}, {QStringLiteral("examples"), toArray(problemExamples)}});
    return o;
}

Result<SimulationGroup> SimulationGroup::fromJson(const QJsonObject &o)
{
    SimulationGroup g;
    g.type = o.value(QLatin1String("type")).toString();
    g.category = o.value(QLatin1String("category")).toString();
    if (!o.value(QLatin1String("actions")).isDouble())
        return fail(Error::invalid(QStringLiteral("actions"), QStringLiteral("must be a number")));
    g.actions = integer(o, QStringLiteral("actions"));
    const QJsonObject matrix = o.value(QLatin1String("moves")).toObject();
    for (Tier from : AllTiers) {
        const QJsonObject row = matrix.value(tierName(from)).toObject();
        for (Tier to : AllTiers)
            g.moves[std::size_t(from)][std::size_t(to)] = integer(row, tierName(to));
    }
    const QJsonObject a = o.value(QLatin1String("to_auto")).toObject();
    g.toAuto.approved = integer(a, QStringLiteral("approved"));
    g.toAuto.modified = integer(a, QStringLiteral("modified"));
    g.toAuto.rejected = integer(a, QStringLiteral("rejected"));
    g.toAuto.expired = integer(a, QStringLiteral("expired"));
    g.toAuto.undecided = integer(a, QStringLiteral("undecided"));
    const QJsonObject ex = a.value(QLatin1String("examples")).toObject();
    g.toAuto.approvedExamples = fromArray(ex.value(QLatin1String("approved")));
    g.toAuto.modifiedExamples = fromArray(ex.value(QLatin1String("modified")));
    g.toAuto.rejectedExamples = fromArray(ex.value(QLatin1String("rejected")));
    g.toAuto.expiredExamples = fromArray(ex.value(QLatin1String("expired")));
    const QJsonObject r = o.value(QLatin1String("to_review")).toObject();
    g.toReview = integer(r, QStringLiteral("count"));
    g.reviewerSeconds = r.value(QLatin1String("reviewer_seconds")).toDouble();
    const QJsonObject p = o.value(QLatin1String("to_prohibited")).toObject();
    g.toProhibited = integer(p, QStringLiteral("count"));
    g.prohibitedApproved = integer(p, QStringLiteral("approved"));
    g.prohibitedApprovedExamples = fromArray(p.value(QLatin1String("examples")));
    const QJsonObject k = o.value(QLatin1String("problems_kept_auto")).toObject();
    g.problemsKeptAuto = integer(k, QStringLiteral("count"));
    g.problemExamples = fromArray(k.value(QLatin1String("examples")));
    return g;
}

QJsonObject SimulationReport::toJson() const
{
    QJsonObject medians;
    for (auto it = medianDecideSeconds.constBegin(); it != medianDecideSeconds.constEnd(); ++it)
        medians.insert(it.key(), it.value());
    QJsonArray items;
    for (const SimulationGroup &g : types)
        items.append(g.toJson());
    QJsonObject o{{QStringLiteral("from"), toIsoUtc(from)}, {QStringLiteral("to"), toIsoUtc(to)},
        {QStringLiteral("current_policy_version"), currentVersion},
        {QStringLiteral("proposed_policy_version"), proposedVersion},
        {QStringLiteral("median_decide_seconds"), medians}, {QStringLiteral("types"), items},
        {QStringLiteral("total"), total.toJson()}};
    if (!proposalId.isEmpty())
        o.insert(QStringLiteral("proposal_id"), proposalId);
    return o;
}

Result<SimulationReport> SimulationReport::fromJson(const QJsonObject &o)
{
    SimulationReport r;
    r.from = fromIsoUtc(o.value(QLatin1String("from")).toString());
    r.to = fromIsoUtc(o.value(QLatin1String("to")).toString());
    if (!r.from.isValid() || !r.to.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("from and to must be UTC ISO 8601 times")));
    r.currentVersion = o.value(QLatin1String("current_policy_version")).toInt();
    r.proposedVersion = o.value(QLatin1String("proposed_policy_version")).toInt();
    r.proposalId = o.value(QLatin1String("proposal_id")).toString();
    const QJsonObject medians = o.value(QLatin1String("median_decide_seconds")).toObject();
    for (auto it = medians.begin(); it != medians.end(); ++it)
        r.medianDecideSeconds.insert(it.key(), it.value().toDouble());
    auto types = ReportJson::list<SimulationGroup>(o.value(QLatin1String("types")).toArray(), QStringLiteral("types"));
    if (!types)
        return fail(types.error());
    r.types = *types;
    auto total = SimulationGroup::fromJson(o.value(QLatin1String("total")).toObject());
    if (!total)
        return fail(Error::invalid(QStringLiteral("total.") + total.error().field, total.error().message));
    r.total = *total;
    return r;
}

} // namespace Countersign
