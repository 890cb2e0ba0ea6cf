#include "sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace Countersign {

SqlConnection::~SqlConnection() = default;

QString SqlConnection::uniqueName(const QString &backend)
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("countersign.store.%1.%2").arg(backend).arg(++counter);
}

void SqlConnection::clearStatements()
{
    m_statements.clear();
}

Result<QSqlQuery *> SqlConnection::prepared(const QString &sql, const QString &doing)
{
    if (auto ok = ensureOpen(doing); !ok)
        return fail(ok.error());
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    auto query = std::make_unique<QSqlQuery>(database());
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return fail(error(query->lastError(), doing));
    return m_statements.emplace(sql, std::move(query)).first->second.get();
}

Result<QSqlQuery *> SqlConnection::run(const QString &sql, const QVariantList &values, const QString &doing)
{
    auto query = prepared(sql, doing);
    if (!query)
        return query;
    QSqlQuery *q = *query;
    for (qsizetype i = 0; i < values.size(); ++i)
        q->bindValue(int(i), values.at(i));
    if (!q->exec()) {
        const QSqlError e = q->lastError();
        q->finish();
        return fail(error(e, doing));
    }
    return q;
}

Result<qint64> SqlConnection::write(const QString &sql, const QVariantList &values, const QString &doing)
{
    auto q = run(sql, values, doing);
    if (!q)
        return fail(q.error());
    const qint64 rows = (*q)->numRowsAffected();
    (*q)->finish();
    return rows;
}

Result<QSqlQuery *> SqlConnection::select(const QString &sql, const QVariantList &values, const QString &doing)
{
    return run(sql, values, doing);
}

} // namespace Countersign
