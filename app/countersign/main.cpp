#include "countersignversion.h"
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
#include <QTimer>

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

// The command line; the same for the text-only pass and the real start.
struct Options {
    QCommandLineOption server{QStringLiteral("server"), QCoreApplication::translate("main", "Connect to this server."),
        QStringLiteral("url")};
    QCommandLineOption tokenFile{QStringLiteral("token-file"),
        QCoreApplication::translate("main", "Read the bearer token from this file."), QStringLiteral("file")};
    QCommandLineOption demoTokens{QStringLiteral("demo-tokens"),
        QCoreApplication::translate("main", "Use the lead token of a demo server's token file."),
        QStringLiteral("file")};
    QCommandLineOption history{QStringLiteral("history"),
        QCoreApplication::translate("main", "The local decision history file."), QStringLiteral("file")};
    QCommandLineOption report{QStringLiteral("report"), QCoreApplication::translate("main", "Open the report window.")};
    // For installer smoke tests and documentation: works on any platform plugin, offscreen too.
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Save a picture of the main window to this file after two seconds, then quit."),
        QStringLiteral("file")};

    explicit Options(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Review and countersign what AI agents propose."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({server, tokenFile, demoTokens, history, report, screenshot});
    }
};

void describe()
{
    QCoreApplication::setApplicationName(QStringLiteral("countersign"));
    QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
}

// --help and --version must answer without a display (over SSH, in package checks).
bool onlyText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyText(argc, argv)) {
        QCoreApplication core(argc, argv);
        describe();
        Countersign::Translations::install(core);
        QCommandLineParser parser;
        const Options options(parser);
        // parse(), not process(): Qt's own GUI options (-platform offscreen, -style) are no error
        // here, where no QApplication exists to take them out.
        parser.parse(core.arguments());
        if (parser.isSet(QStringLiteral("version")))
            parser.showVersion(); // exits
        parser.showHelp(); // exits
        return 0;
    }
    QApplication app(argc, argv);
    describe();
    QApplication::setApplicationDisplayName(QStringLiteral("Countersign"));
    QApplication::setDesktopFileName(QStringLiteral("org.countersign.Countersign"));
    Countersign::Translations::install(app);
    QApplication::setWindowIcon(Countersign::Icons::icon(Countersign::Icons::App));

    QCommandLineParser parser;
    const Options options(parser);
    const QCommandLineOption &server = options.server;
    const QCommandLineOption &tokenFile = options.tokenFile;
    const QCommandLineOption &demoTokens = options.demoTokens;
    const QCommandLineOption &history = options.history;
    const QCommandLineOption &report = options.report;
    const QCommandLineOption &screenshot = options.screenshot;
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
        reviewer.window()->openReports();
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(2000, reviewer.window(), [window = reviewer.window(), file = parser.value(screenshot)] {
            const bool saved = window->grab().save(file);
            if (!saved)
                QTextStream(stderr) << "countersign: cannot save the screenshot to " << file << '\n';
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
