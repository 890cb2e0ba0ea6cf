#include "mainwindow/mainwindow.h"
#include "mainwindow/reviewerapp.h"
#include "settings/icons.h"
#include "settings/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>

namespace {

// Reads a token from a file: either the token alone, or the server's demo-tokens.json, from
// which the given role's token is taken.
QString tokenFromFile(const QString &path, const QString &role)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = f.readAll().trimmed();
    const QJsonObject demo = QJsonDocument::fromJson(data).object();
    if (!demo.isEmpty())
        return demo.value(QLatin1String("tokens")).toObject().value(role).toString();
    return QString::fromUtf8(data);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("countersign"));
    QApplication::setApplicationDisplayName(QStringLiteral("Countersign"));
    QApplication::setOrganizationName(QStringLiteral("Countersign"));
    QApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.countersign.Countersign"));
    Countersign::Translations::install(app);
    QApplication::setWindowIcon(Countersign::Icons::icon(Countersign::Icons::App));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Review and countersign what AI agents propose."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"), QApplication::translate("main", "Connect to this server."), QStringLiteral("url"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
        QApplication::translate("main", "Read the bearer token from this file."), QStringLiteral("file"));
    const QCommandLineOption demoTokens(QStringLiteral("demo-tokens"),
        QApplication::translate("main", "Use the lead token of a demo server's token file."), QStringLiteral("file"));
    const QCommandLineOption history(QStringLiteral("history"),
        QApplication::translate("main", "The local decision history file."), QStringLiteral("file"));
    const QCommandLineOption report(
        QStringLiteral("report"), QApplication::translate("main", "Open the report window."));
    parser.addOptions({server, tokenFile, demoTokens, history, report});
    parser.process(app);

    QString historyPath = parser.value(history);
    if (historyPath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        historyPath = dir + QStringLiteral("/decision-history.db");
    }

    Countersign::ReviewerApp reviewer(historyPath);
    QString token;
    if (parser.isSet(tokenFile))
        token = tokenFromFile(parser.value(tokenFile), {});
    else if (parser.isSet(demoTokens))
        token = tokenFromFile(parser.value(demoTokens), QStringLiteral("lead"));
    if (parser.isSet(server) && token.isEmpty())
        QTextStream(stderr) << "countersign: no token given (--token-file or --demo-tokens); asking for one\n";
    reviewer.start(parser.isSet(server) ? QUrl(parser.value(server)) : QUrl(), token);
    if (parser.isSet(report))
        Q_EMIT reviewer.window()->reportsRequested();
    return app.exec();
}
