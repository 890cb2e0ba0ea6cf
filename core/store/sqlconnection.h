#pragma once

#include "domain/error.h"

#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>
#include <type_traits>
#include <unordered_map>

class QSqlError;

namespace Countersign {

namespace SqlRows {
// What SqlConnection::selectAll() collects: the decoder's value, or the value of its Result.
template<typename T>
struct RowType {
    using type = T;
    static constexpr bool checked = false;
};
template<typename T>
struct RowType<Result<T>> {
    using type = T;
    static constexpr bool checked = true;
};
} // namespace SqlRows

// One QtSql connection of a store, as the SQL shared by the backends (core/store/sql) sees it:
// cached prepared statements and transactions. Each backend keeps what is really its
// own (pragmas and WAL for SQLite; session settings, reconnects and advisory locks for
// PostgreSQL) and how its errors map to Error codes.
//
// Like every QtSql connection it belongs to the thread that opened it.
class SqlConnection
{
public:
    SqlConnection() = default;
    virtual ~SqlConnection();
    Q_DISABLE_COPY_MOVE(SqlConnection)

    // Names the database in messages: a file path or a server and database.
    virtual QString where() const = 0;
    virtual QSqlDatabase database() const = 0;

    // Runs a cached prepared statement that changes rows and returns the number it changed.
    Result<qint64> write(const QString &sql, const QVariantList &values, const QString &doing);
    // Runs a cached prepared INSERT and returns the key it assigned to `idColumn`.
    virtual Result<qint64> insert(
        const QString &sql, const QVariantList &values, const QString &idColumn, const QString &doing)
        = 0;
    // Runs a cached prepared statement and returns it positioned before the first row. The
    // caller must finish() it once done so no read snapshot stays open.
    Result<QSqlQuery *> select(const QString &sql, const QVariantList &values, const QString &doing);
    // Runs select() and decodes every row with `decode`, which returns a value or a Result (the
    // first failure ends the read); the statement is finished either way.
    template<typename Decode>
    auto selectAll(const QString &sql, const QVariantList &values, const QString &doing, Decode decode)
        -> Result<QList<typename SqlRows::RowType<std::invoke_result_t<Decode, const QSqlQuery &>>::type>>
    {
        using Kind = SqlRows::RowType<std::invoke_result_t<Decode, const QSqlQuery &>>;
        using Row = typename Kind::type;
        auto q = select(sql, values, doing);
        if (!q)
            return fail(q.error());
        const auto done = qScopeGuard([&] {
            (*q)->finish();
        });
        QList<Row> rows;
        while ((*q)->next()) {
            if constexpr (Kind::checked) {
                auto row = decode(std::as_const(**q));
                if (!row)
                    return fail(row.error());
                rows.append(std::move(*row));
            } else {
                rows.append(decode(std::as_const(**q)));
            }
        }
        return rows;
    }
    // The same for a statement that finds one row at most: the row decoded, or nothing.
    template<typename Decode>
    auto selectFirst(const QString &sql, const QVariantList &values, const QString &doing, Decode decode)
        -> Result<std::optional<typename SqlRows::RowType<std::invoke_result_t<Decode, const QSqlQuery &>>::type>>
    {
        using Kind = SqlRows::RowType<std::invoke_result_t<Decode, const QSqlQuery &>>;
        using Row = std::optional<typename Kind::type>;
        auto q = select(sql, values, doing);
        if (!q)
            return fail(q.error());
        const auto done = qScopeGuard([&] {
            (*q)->finish();
        });
        if (!(*q)->next())
            return Row();
        if constexpr (Kind::checked) {
            auto row = decode(std::as_const(**q));
            if (!row)
                return fail(row.error());
            return Row(std::move(*row));
        } else {
            return Row(decode(std::as_const(**q)));
        }
    }
    // A one-off statement (settings, DDL); not cached. Returns the first column of the first
    // row, if any.
    virtual Result<QVariant> executeOnce(const QString &sql, const QString &doing) = 0;

    // A transaction that will write: never deadlocks on a lock upgrade.
    virtual Result<void> beginWrite(const QString &doing) = 0;
    // A consistent read snapshot across several statements.
    virtual Result<void> beginRead(const QString &doing) = 0;
    virtual Result<void> commit(const QString &doing) = 0;
    // Best effort: the database may already have ended the transaction after an error.
    virtual void rollback() = 0;

    virtual Error error(const QSqlError &error, const QString &doing) = 0;

protected:
    // A QtSql connection name no other connection of the process uses.
    static QString uniqueName(const QString &backend);

    // Fails when no statement can run now; a backend may reconnect here.
    virtual Result<void> ensureOpen(const QString &doing) = 0;
    // Runs transaction control, which not every driver can prepare.
    virtual Result<void> control(const QString &sql, const QString &doing) = 0;

    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values, const QString &doing);
    // Before the database handle goes: a cached statement must not outlive it.
    void clearStatements();

private:
    Result<QSqlQuery *> prepared(const QString &sql, const QString &doing);

    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace Countersign
