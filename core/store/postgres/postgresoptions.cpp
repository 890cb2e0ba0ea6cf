#include "postgresoptions.h"

#include <QSqlDatabase>
#include <QUrl>
#include <QUrlQuery>

namespace Countersign {

namespace {

Error badLocation(const QString &why)
{
    return Error::invalid(QStringLiteral("location"), why);
}

bool parseInt(const QString &text, int min, int &out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min)
        return false;
    out = v;
    return true;
}

} // namespace

Result<PostgresOptions> PostgresOptions::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return fail(badLocation(QStringLiteral("is not a valid PostgreSQL URL: %1").arg(url.errorString())));
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return fail(badLocation(QStringLiteral("a PostgreSQL URL starts with postgresql://")));
    PostgresOptions o;
    o.host = url.host(QUrl::FullyDecoded);
    o.port = url.port(5432);
    o.user = url.userName(QUrl::FullyDecoded);
    o.password = url.password(QUrl::FullyDecoded);
    o.database = url.path(QUrl::FullyDecoded).mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool ok = true;
        if (key == QLatin1String("host"))
            o.host = value;
        else if (key == QLatin1String("port"))
            ok = parseInt(value, 1, o.port) && o.port <= 65535;
        else if (key == QLatin1String("user"))
            o.user = value;
        else if (key == QLatin1String("password"))
            o.password = value;
        else if (key == QLatin1String("dbname"))
            o.database = value;
        else if (key == QLatin1String("connect_timeout"))
            ok = parseInt(value, 1, o.connectTimeoutSeconds);
        else if (key == QLatin1String("statement_timeout_ms"))
            ok = parseInt(value, 0, o.statementTimeoutMs);
        else if (key == QLatin1String("lock_timeout_ms"))
            ok = parseInt(value, 0, o.lockTimeoutMs);
        else if (key == QLatin1String("sslmode"))
            o.sslMode = value;
        else if (key == QLatin1String("application_name"))
            o.applicationName = value;
        else
            return fail(
                badLocation(QStringLiteral("unknown PostgreSQL option \"%1\" (known: host, port, user, password, "
                                           "dbname, connect_timeout, statement_timeout_ms, lock_timeout_ms, "
                                           "sslmode, application_name)")
                        .arg(key)));
        if (!ok)
            return fail(
                badLocation(QStringLiteral("invalid value \"%1\" for the PostgreSQL option %2").arg(value, key)));
    }
    if (o.database.isEmpty())
        return fail(badLocation(QStringLiteral("names no database (postgresql://user@host:port/DBNAME)")));
    return o;
}

QString PostgresOptions::displayName() const
{
    const QString where = host.startsWith(u'/') ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, where).arg(port).arg(database);
}

QString PostgresOptions::connectOptions() const
{
    QStringList parts{QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds)};
    if (!sslMode.isEmpty())
        parts.append(QStringLiteral("sslmode=%1").arg(sslMode));
    if (!applicationName.isEmpty())
        parts.append(QStringLiteral("application_name=%1").arg(applicationName));
    return parts.join(u';');
}

QSqlDatabase PostgresOptions::addDatabase(const QString &connectionName) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host);
    db.setPort(port);
    db.setUserName(user);
    db.setPassword(password);
    db.setDatabaseName(database);
    db.setConnectOptions(connectOptions());
    return db;
}

} // namespace Countersign
