#pragma once

#include "domain/error.h"

#include <QString>

class QSqlDatabase;

namespace Countersign {

// Where and how a PostgreSQL store connects, parsed from a libpq-style URL:
//   postgresql://user[:password]@host[:port]/dbname?option=value&...
// An empty host with `?host=/dir` connects over the Unix socket in /dir. Options:
//   host, port, user, password   override the URL's parts (host may name a socket directory)
//   connect_timeout              seconds to wait for a connection (default 10)
//   statement_timeout_ms         a statement running longer fails with Unavailable (default 30000)
//   lock_timeout_ms              waiting longer for a row or advisory lock fails (default 10000)
//   sslmode                      libpq's sslmode (disable, prefer, require, verify-full, ...)
//   application_name             shown in pg_stat_activity (default countersign)
struct PostgresOptions {
    QString host; // a host name, an address, or a directory holding the Unix socket
    int port = 5432;
    QString user;
    QString password;
    QString database;
    int connectTimeoutSeconds = 10;
    int statementTimeoutMs = 30'000;
    int lockTimeoutMs = 10'000;
    QString sslMode;
    QString applicationName = QStringLiteral("countersign");

    // Parses a postgresql:// or postgres:// URL (InvalidArgument, field "location", on error).
    static Result<PostgresOptions> fromUrl(const QString &url);
    // The same options as a URL, with the password left out: for logs and messages.
    QString displayName() const;
    // QSqlDatabase::setConnectOptions() text for the QPSQL driver.
    QString connectOptions() const;
    // A QPSQL database named `connectionName`, set up with these options but not yet opened.
    QSqlDatabase addDatabase(const QString &connectionName) const;
};

} // namespace Countersign
