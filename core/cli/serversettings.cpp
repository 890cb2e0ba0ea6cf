#include "serversettings.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>

namespace Countersign::Cli {

QCommandLineOption ServerSettings::serverOption()
{
    return QCommandLineOption(QStringLiteral("server"),
        QStringLiteral("server URL (default: $COUNTERSIGN_URL, else http://127.0.0.1:8470)"), QStringLiteral("URL"));
}

QCommandLineOption ServerSettings::tokenFileOption()
{
    return QCommandLineOption(QStringLiteral("token-file"),
        QStringLiteral("file holding the agent token (default: $COUNTERSIGN_TOKEN, or the file named by "
                       "$COUNTERSIGN_TOKEN_FILE)"),
        QStringLiteral("FILE"));
}

Result<ServerSettings> ServerSettings::resolve(const QCommandLineParser &parser)
{
    ServerSettings s;
    QString server = parser.value(QStringLiteral("server"));
    if (server.isEmpty())
        server = qEnvironmentVariable("COUNTERSIGN_URL");
    if (server.isEmpty())
        server = QStringLiteral("http://127.0.0.1:8470");
    s.server = QUrl(server, QUrl::StrictMode);
    if (!s.server.isValid()
        || (s.server.scheme() != QLatin1String("http") && s.server.scheme() != QLatin1String("https"))
        || s.server.host().isEmpty())
        return fail(Error::invalid(QStringLiteral("server"),
            QStringLiteral("\"%1\" is not a server URL such as http://127.0.0.1:8470").arg(server)));

    QString tokenFile = parser.value(QStringLiteral("token-file"));
    if (tokenFile.isEmpty() && qEnvironmentVariableIsEmpty("COUNTERSIGN_TOKEN"))
        tokenFile = qEnvironmentVariable("COUNTERSIGN_TOKEN_FILE");
    if (!tokenFile.isEmpty()) {
        QFile f(tokenFile);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::invalid(
                QStringLiteral("token-file"), QStringLiteral("cannot read %1: %2").arg(tokenFile, f.errorString())));
        s.token = f.read(4096).trimmed();
    } else {
        s.token = qgetenv("COUNTERSIGN_TOKEN").trimmed();
    }
    if (s.token.isEmpty())
        return fail(Error::invalid(
            QStringLiteral("token"), QStringLiteral("no agent token: pass --token-file or set COUNTERSIGN_TOKEN")));
    return s;
}

} // namespace Countersign::Cli
