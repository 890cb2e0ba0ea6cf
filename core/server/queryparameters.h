#pragma once

#include "domain/actionquery.h"
#include "domain/error.h"

#include <QUrlQuery>

namespace Countersign {

// Reading query strings into validated values; errors name the parameter.
class QueryParameters
{
public:
    static Result<qint64> integer(const QUrlQuery &query, const QString &name, qint64 min, qint64 max, qint64 fallback);
    static QString string(const QUrlQuery &query, const QString &name);
    // state, category, type, claimed_by, sort, limit, cursor, snoozed of GET /v1/actions (the default
    // for `snoozed`, which depends on the caller's role, is the route's).
    static Result<ActionQuery> actionQuery(const QUrlQuery &query);
};

} // namespace Countersign
