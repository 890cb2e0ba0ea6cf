#include "queryparameters.h"

#include <algorithm>

namespace Countersign {

Result<qint64> QueryParameters::integer(
    const QUrlQuery &query, const QString &name, qint64 min, qint64 max, qint64 fallback)
{
    if (!query.hasQueryItem(name))
        return fallback;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    // Plain decimal digits, an optional minus: no "+", spaces, exponents or words ("NaN").
    const bool digits = !text.isEmpty()
        && std::all_of(text.begin() + (text.startsWith(u'-') ? 1 : 0), text.end(),
            [](QChar c) {
                return c >= u'0' && c <= u'9';
            })
        && text != QLatin1String("-");
    bool ok = false;
    const qint64 value = digits ? text.toLongLong(&ok) : 0;
    if (!ok || value < min || value > max)
        return fail(Error::invalid(name, QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max)));
    return value;
}

QString QueryParameters::string(const QUrlQuery &query, const QString &name)
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

Result<ActionQuery> QueryParameters::actionQuery(const QUrlQuery &query)
{
    ActionQuery q;
    const QString state = string(query, QStringLiteral("state"));
    if (!state.isEmpty()) {
        q.state = actionStateFromName(state);
        if (!q.state)
            return fail(Error::invalid(
                QStringLiteral("state"), QStringLiteral("must be pending, approved, rejected, expired or withdrawn")));
    }
    q.category = string(query, QStringLiteral("category"));
    q.type = string(query, QStringLiteral("type"));
    q.claimedBy = string(query, QStringLiteral("claimed_by"));
    const QString sort = string(query, QStringLiteral("sort"));
    if (sort.isEmpty() || sort == QLatin1String("age"))
        q.sort = ActionQuery::Sort::Age;
    else if (sort == QLatin1String("deadline"))
        q.sort = ActionQuery::Sort::Deadline;
    else if (sort == QLatin1String("confidence"))
        q.sort = ActionQuery::Sort::Confidence;
    else
        return fail(Error::invalid(QStringLiteral("sort"), QStringLiteral("must be deadline, age or confidence")));
    auto limit = integer(query, QStringLiteral("limit"), 1, 1000, 50);
    if (!limit)
        return fail(limit.error());
    q.limit = int(*limit);
    q.cursor = string(query, QStringLiteral("cursor"));
    const QString snoozed = string(query, QStringLiteral("snoozed"));
    if (snoozed.isEmpty() || snoozed == QLatin1String("include"))
        q.snoozed = ActionQuery::Snoozed::Include;
    else if (snoozed == QLatin1String("exclude"))
        q.snoozed = ActionQuery::Snoozed::Exclude;
    else if (snoozed == QLatin1String("only"))
        q.snoozed = ActionQuery::Snoozed::Only;
    else
        return fail(Error::invalid(QStringLiteral("snoozed"), QStringLiteral("must be exclude, include or only")));
    return q;
}

} // namespace Countersign
