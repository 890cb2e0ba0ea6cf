#include "postgresconnection.h"

#include "../logging.h"
#include "postgreserror.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Countersign {

PostgresConnection::PostgresConnection(PostgresOptions options)
    : m_options(std::move(options))
    , m_name(uniqueName(QStringLiteral("postgres")))
{ }

PostgresConnection::~PostgresConnection()
{
    close();
}

Result<void> PostgresConnection::open()
{
    if (isOpen() && !m_broken)
        return {};
    close();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(Error::unavailable(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed")));
    m_db = m_options.addDatabase(m_name);
    if (!m_db.open()) {
        const QString why = m_db.lastError().text().trimmed();
        close();
        return fail(Error::unavailable(QStringLiteral("cannot connect to %1: %2").arg(where(), why)));
    }
    m_broken = false;
    m_inTransaction = false;
    if (auto configured = configure(); !configured) {
        close();
        return configured;
    }
    qCDebug(lcStore) << "connected to" << where() << "as" << m_name;
    if (m_wasOpened)
        qCInfo(lcStore) << "reconnected to" << where();
    m_wasOpened = true;
    return {};
}

Result<void> PostgresConnection::configure()
{
    const QString settings[] = {
        QStringLiteral("SET statement_timeout = %1").arg(m_options.statementTimeoutMs),
        QStringLiteral("SET lock_timeout = %1").arg(m_options.lockTimeoutMs),
        // An idle transaction holds locks (the audit lock included): never for long.
        QStringLiteral("SET idle_in_transaction_session_timeout = %1").arg(qMax(60'000, m_options.statementTimeoutMs)),
        QStringLiteral("SET client_min_messages = warning"),
        QStringLiteral("SET TIME ZONE 'UTC'"),
    };
    for (const QString &setting : settings) {
        if (auto r = executeOnce(setting, QStringLiteral("configuring the connection")); !r)
            return fail(r.error());
    }
    return {};
}

void PostgresConnection::close()
{
    clearStatements();
    m_inTransaction = false;
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
}

Error PostgresConnection::error(const QSqlError &e, const QString &doing)
{
    if (isPostgresConnectionLoss(e) || (isOpen() && !m_db.isOpen()))
        m_broken = true;
    return postgresError(e, where(), doing);
}

Result<void> PostgresConnection::ensureOpen(const QString &doing)
{
    if (!m_db.isValid())
        return fail(Error::unavailable(QStringLiteral("%1 failed: the store %2 is not open").arg(doing, where())));
    if (!m_broken && m_db.isOpen())
        return {};
    // Inside a transaction the work so far is lost with the connection: the caller must start
    // over, so only a fresh statement reconnects.
    if (m_inTransaction)
        return fail(Error::unavailable(
            QStringLiteral("%1 failed: the connection to %2 was lost mid-transaction").arg(doing, where())));
    qCWarning(lcStore) << "the connection to" << where() << "was lost; reconnecting";
    auto reopened = open();
    if (!reopened)
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name); // stay "opened" for the next try
    return reopened;
}

Result<qint64> PostgresConnection::insert(
    const QString &sql, const QVariantList &values, const QString &idColumn, const QString &doing)
{
    auto q = run(sql + QStringLiteral(" RETURNING ") + idColumn, values, doing);
    if (!q)
        return fail(q.error());
    const bool found = (*q)->next();
    const qint64 id = found ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    if (!found)
        return fail(Error::internal(QStringLiteral("%1 returned no %2").arg(doing, idColumn)));
    return id;
}

Result<void> PostgresConnection::control(const QString &sql, const QString &doing)
{
    auto r = executeOnce(sql, doing);
    return r ? Result<void>() : fail(r.error());
}

Result<QVariant> PostgresConnection::executeOnce(const QString &sql, const QString &doing)
{
    if (auto ok = ensureOpen(doing); !ok)
        return fail(ok.error());
    // Not forward-only: libpq then runs the text with PQexec, which accepts several statements
    // (a migration script) in one call.
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return fail(error(q.lastError(), doing));
    QVariant first;
    if (q.isSelect() && q.next())
        first = q.value(0);
    return first;
}

Result<void> PostgresConnection::startTransaction(const QString &sql, const QString &doing)
{
    auto r = executeOnce(sql, doing);
    if (!r)
        return fail(r.error());
    m_inTransaction = true;
    return {};
}

Result<void> PostgresConnection::beginWrite(const QString &doing)
{
    return startTransaction(QStringLiteral("BEGIN"), doing);
}

Result<void> PostgresConnection::beginRead(const QString &doing)
{
    return startTransaction(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), doing);
}

Result<void> PostgresConnection::commit(const QString &doing)
{
    auto r = executeOnce(QStringLiteral("COMMIT"), doing);
    m_inTransaction = false;
    return r ? Result<void>() : fail(r.error());
}

void PostgresConnection::rollback()
{
    const bool was = std::exchange(m_inTransaction, false);
    if (!was || m_broken || !isOpen())
        return;
    (void)executeOnce(QStringLiteral("ROLLBACK"), QStringLiteral("rolling back"));
}

} // namespace Countersign
