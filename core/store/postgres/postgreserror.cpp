#include "postgreserror.h"

#include <QSqlError>

namespace Countersign {

bool isPostgresConnectionLoss(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    // Class 08: connection exceptions; 57P01..57P03: the server shut down or is starting. A
    // statement error without any SQLSTATE means libpq lost the socket.
    if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") || state == QLatin1String("57P02")
        || state == QLatin1String("57P03") || error.type() == QSqlError::ConnectionError)
        return true;
    if (!state.isEmpty())
        return false;
    // libpq reports a socket the server closed without any SQLSTATE, in these words.
    const QString text = error.databaseText() + u' ' + error.driverText();
    return text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("no connection to the server"))
        || text.contains(QLatin1String("terminating connection"))
        || text.contains(QLatin1String("could not send data to server"))
        || text.contains(QLatin1String("could not receive data from server"));
}

Error postgresError(const QSqlError &error, const QString &where, const QString &doing)
{
    const QString state = error.nativeErrorCode();
    const QString detail = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
    auto unavailable = [&](const QString &what) {
        return Error::unavailable(QStringLiteral("%1 failed: %2 (%3)").arg(doing, what, detail));
    };
    if (isPostgresConnectionLoss(error))
        return unavailable(QStringLiteral("the connection to %1 was lost; retry later").arg(where));
    if (state.startsWith(QLatin1String("23")) || state == QLatin1String("P0001"))
        return Error::conflict(QStringLiteral("%1 failed: %2").arg(doing, detail));
    if (state == QLatin1String("40001") || state == QLatin1String("40P01"))
        return unavailable(QStringLiteral("a concurrent transaction on %1 got in the way; retry").arg(where));
    if (state == QLatin1String("55P03"))
        return unavailable(QStringLiteral("a lock on %1 was held too long by another connection").arg(where));
    if (state == QLatin1String("57014"))
        return unavailable(QStringLiteral("the statement on %1 timed out or was cancelled").arg(where));
    if (state == QLatin1String("25006"))
        return unavailable(QStringLiteral("the database %1 is read-only").arg(where));
    if (state.startsWith(QLatin1String("53")))
        return unavailable(QStringLiteral("the server holding %1 is out of disk, memory or connections").arg(where));
    return Error::internal(QStringLiteral("%1 failed on %2: %3%4")
            .arg(doing, where, detail, state.isEmpty() ? QString() : QStringLiteral(" [SQLSTATE %1]").arg(state)));
}

} // namespace Countersign
