#pragma once

#include "domain/error.h"
#include "report/pastaction.h"

#include <QDateTime>

#include <functional>

namespace Countersign {

class SqlConnection;

// Streams the actions created in a window for the policy simulation: keyset pages in creation
// order (the actions_age index), each row reduced to a PastAction with its spot-check verdict.
// Pages keep memory bounded on both backends whatever their drivers buffer per statement.
class SqlPastActions
{
public:
    static constexpr int PageSize = 5000;

    // `recordFields`: the backend's SqlDialect::recordFields.
    SqlPastActions(SqlConnection &connection, QString recordFields);

    Result<void> stream(
        const QDateTime &from, const QDateTime &to, const std::function<void(const PastAction &)> &visit);

private:
    SqlConnection &m_connection;
    const QString m_sql;
};

} // namespace Countersign
