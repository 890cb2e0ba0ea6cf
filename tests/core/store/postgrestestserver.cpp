#include "postgrestestserver.h"

#include "store/postgres/postgresoptions.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>

namespace Countersign::Test {

namespace {

// A connection for one statement, closed again: tests tamper rarely.
class RawConnection
{
public:
    explicit RawConnection(const QString &url)
    {
        static std::atomic<int> counter{0};
        m_name = QStringLiteral("countersign.test.pg.%1").arg(++counter);
        auto options = PostgresOptions::fromUrl(url);
        if (!options) {
            m_error = options.error().message;
            return;
        }
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        m_db.setHostName(options->host);
        m_db.setPort(options->port);
        m_db.setUserName(options->user);
        m_db.setPassword(options->password);
        m_db.setDatabaseName(options->database);
        if (!m_db.open())
            m_error = m_db.lastError().text();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)

    Result<QVariant> exec(const QString &sql, const QVariantList &values)
    {
        if (!m_error.isEmpty())
            return fail(Error::unavailable(m_error));
        QSqlQuery q(m_db);
        if (values.isEmpty()) {
            if (!q.exec(sql))
                return fail(Error::internal(q.lastError().text()));
        } else {
            if (!q.prepare(sql))
                return fail(Error::internal(q.lastError().text()));
            for (qsizetype i = 0; i < values.size(); ++i)
                q.bindValue(int(i), values.at(i));
            if (!q.exec())
                return fail(Error::internal(q.lastError().text()));
        }
        return q.isSelect() && q.next() ? q.value(0) : QVariant();
    }

private:
    QString m_name;
    QString m_error;
    QSqlDatabase m_db;
};

} // namespace

std::optional<QString> PostgresTestServer::unavailableReason()
{
    if (qEnvironmentVariableIsEmpty("COUNTERSIGN_TEST_PG_URL"))
        return QStringLiteral("PostgreSQL unavailable: COUNTERSIGN_TEST_PG_URL is not set (run the test through "
                              "ctest, which starts a server, or point it at a scratch server)");
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("PostgreSQL unavailable: the Qt PostgreSQL driver (QPSQL) is not installed");
    QFile marker(qEnvironmentVariable("COUNTERSIGN_TEST_PG_UNAVAILABLE"));
    if (!marker.fileName().isEmpty() && marker.open(QIODevice::ReadOnly))
        return QString::fromUtf8(marker.readAll()).trimmed();
    return std::nullopt;
}

QString PostgresTestServer::adminUrl()
{
    return qEnvironmentVariable("COUNTERSIGN_TEST_PG_URL");
}

QString PostgresTestServer::urlFor(const QString &database)
{
    QUrl url(adminUrl());
    url.setPath(u'/' + database);
    return url.toString();
}

Result<QString> PostgresTestServer::createDatabase()
{
    static std::atomic<int> counter{0};
    // The pid and a random tag: no clash with other test processes, nor with a database an
    // earlier run of a process with the same pid left behind.
    static const quint32 tag = QRandomGenerator::system()->generate() % 1000000;
    const QString name = QStringLiteral("cs_%1_%2_%3").arg(QCoreApplication::applicationPid()).arg(tag).arg(++counter);
    RawConnection admin(adminUrl());
    if (auto created = admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name), {}); !created)
        return fail(created.error());
    return urlFor(name);
}

Result<QVariant> PostgresTestServer::exec(const QString &url, const QString &sql, const QVariantList &values)
{
    RawConnection connection(url);
    return connection.exec(sql, values);
}

} // namespace Countersign::Test
