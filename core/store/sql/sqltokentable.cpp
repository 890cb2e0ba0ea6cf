#include "sqltokentable.h"

#include "../sqlconnection.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>

namespace Countersign {

namespace {

const QString Columns = QStringLiteral("SELECT name, role, hash, created_at, revoked FROM tokens");

TokenRecord decode(const QSqlQuery &q)
{
    return TokenRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toByteArray(),
        QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::UTC), q.value(4).toBool()};
}

} // namespace

SqlTokenTable::SqlTokenTable(SqlConnection &connection)
    : m_connection(connection)
{ }

Result<void> SqlTokenTable::save(const TokenRecord &token, const QDateTime &now)
{
    if (token.name.isEmpty())
        return fail(Error::invalid(QStringLiteral("name"), QStringLiteral("is missing")));
    if (token.role.isEmpty())
        return fail(Error::invalid(QStringLiteral("role"), QStringLiteral("is missing")));
    if (token.hash.isEmpty())
        return fail(Error::invalid(QStringLiteral("hash"), QStringLiteral("is missing")));
    const QDateTime created = token.createdAt.isValid() ? token.createdAt : now;
    auto saved = m_connection.write(
        QStringLiteral("INSERT INTO tokens (hash, name, role, created_at, revoked) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (hash) DO UPDATE SET name = excluded.name, role = excluded.role, "
                       "revoked = excluded.revoked"),
        {token.hash, token.name, token.role, created.toMSecsSinceEpoch(), token.revoked},
        QStringLiteral("saving token %1").arg(token.name));
    return saved ? Result<void>() : fail(saved.error());
}

Result<std::optional<TokenRecord>> SqlTokenTable::byHash(const QByteArray &hash)
{
    return m_connection.selectFirst(
        Columns + QStringLiteral(" WHERE hash = ?"), {hash}, QStringLiteral("looking up a token"), decode);
}

Result<QList<TokenRecord>> SqlTokenTable::all()
{
    return m_connection.selectAll(
        Columns + QStringLiteral(" ORDER BY created_at, name, hash"), {}, QStringLiteral("listing tokens"), decode);
}

} // namespace Countersign
