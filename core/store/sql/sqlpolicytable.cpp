#include "sqlpolicytable.h"

#include "../sqlconnection.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <QTimeZone>

namespace Countersign {

namespace {

const QString Columns = QStringLiteral("SELECT version, created_at, actor, document FROM policy_versions");

} // namespace

SqlPolicyTable::SqlPolicyTable(SqlConnection &connection)
    : m_connection(connection)
{ }

Result<PolicyVersion> SqlPolicyTable::append(const QByteArray &document, const QString &actor, const QDateTime &now)
{
    if (document.isEmpty())
        return fail(Error::invalid(QStringLiteral("document"), QStringLiteral("is empty")));
    PolicyVersion v{0, now, actor, document};
    auto q = m_connection.select(
        QStringLiteral("INSERT INTO policy_versions (version, created_at, actor, document) "
                       "SELECT coalesce(max(version), 0) + 1, ?, ?, ? FROM policy_versions RETURNING version"),
        {now.toMSecsSinceEpoch(), actor.isNull() ? QStringLiteral("") : actor, document},
        QStringLiteral("saving a policy version"));
    if (!q)
        return fail(q.error());
    const auto done = qScopeGuard([&] {
        (*q)->finish();
    });
    if (!(*q)->next())
        return fail(
            Error::internal(QStringLiteral("%1 did not number the new policy version").arg(m_connection.where())));
    v.version = (*q)->value(0).toInt();
    return v;
}

Result<QList<PolicyVersion>> SqlPolicyTable::read(const QString &sql, const QString &doing)
{
    return m_connection.selectAll(sql, {}, doing, [](const QSqlQuery &q) {
        return PolicyVersion{q.value(0).toInt(),
            QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), QTimeZone::UTC), q.value(2).toString(),
            q.value(3).toByteArray()};
    });
}

Result<QList<PolicyVersion>> SqlPolicyTable::all()
{
    return read(Columns + QStringLiteral(" ORDER BY version"), QStringLiteral("listing policy versions"));
}

Result<std::optional<PolicyVersion>> SqlPolicyTable::current()
{
    auto list = read(
        Columns + QStringLiteral(" ORDER BY version DESC LIMIT 1"), QStringLiteral("reading the current policy"));
    if (!list)
        return fail(list.error());
    return list->isEmpty() ? std::optional<PolicyVersion>() : std::optional<PolicyVersion>(list->constFirst());
}

} // namespace Countersign
