#include "rawsqlite.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <atomic>

namespace Countersign::Test {

RawSqlite::RawSqlite(const QString &path, const QString &connectOptions)
{
    static std::atomic<int> counter{0};
    m_name = QStringLiteral("countersign.test.raw.%1").arg(++counter);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(connectOptions);
    if (!m_db.open())
        m_lastError = m_db.lastError().text();
}

RawSqlite::~RawSqlite()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawSqlite::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

QVariant RawSqlite::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values.at(i));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return {};
    }
    return q.next() ? q.value(0) : QVariant();
}

QStringList RawSqlite::rows(const QString &sql)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QStringList list;
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        return list;
    }
    while (q.next()) {
        QStringList columns;
        for (int i = 0; i < q.record().count(); ++i)
            columns.append(q.value(i).toString());
        list.append(columns.join(u'|'));
    }
    return list;
}

QByteArray fileDigest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result().toHex();
}

} // namespace Countersign::Test
