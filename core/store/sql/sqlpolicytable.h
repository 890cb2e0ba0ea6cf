#pragma once

#include "../policyversion.h"
#include "domain/error.h"

#include <optional>

namespace Countersign {

class SqlConnection;

// The policy versions in SQL both backends speak: every accepted document, numbered; the
// newest is in force.
class SqlPolicyTable
{
public:
    explicit SqlPolicyTable(SqlConnection &connection);

    // Inside the caller's write transaction (which keeps a second writer from taking the same
    // number): stores `document` as the next version.
    Result<PolicyVersion> append(const QByteArray &document, const QString &actor, const QDateTime &now);
    Result<QList<PolicyVersion>> all();
    Result<std::optional<PolicyVersion>> current();

private:
    Result<QList<PolicyVersion>> read(const QString &sql, const QString &doing);

    SqlConnection &m_connection;
};

} // namespace Countersign
