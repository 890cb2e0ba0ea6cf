#include "serverversion.h"

#include "serverconnection.h"

#include <QCoreApplication>

namespace Countersign {

QFuture<Result<QString>> fetchServerVersion(ServerConnection *connection)
{
    return connection->getJson(QStringLiteral("/healthz"))
        .then([](const Result<QJsonObject> &health) -> Result<QString> {
            if (!health)
                return fail(health.error());
            const QString version = health->value(QLatin1String("version")).toString().trimmed();
            if (version.isEmpty())
                return fail(Error::unavailable(
                    QCoreApplication::translate("ServerVersion", "The server does not report its version.")));
            return version;
        });
}

} // namespace Countersign
