#include "client/serverconnection.h"
#include "countersignversion.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/reviewerapp.h"
#include "mainwindow/singleinstance.h"
#include "report/quarterlyexport.h"
#include "style/icons.h"

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
    // A scheduled job: writes the review and quits, without a window or a display.
    QCommandLineOption quarterlyReview{QStringLiteral("quarterly-review"),
        QCoreApplication::translate("main",
            "Write the quarterly review of this quarter (e.g. 2026Q4) to --output and quit; no display needed."),
        QStringLiteral("quarter")};
    QCommandLineOption output{QStringLiteral("output"),
        QCoreApplication::translate("main", "The file --quarterly-review writes."), QStringLiteral("file")};
    QCommandLineOption format{QStringLiteral("format"),
        QCoreApplication::translate("main", "pdf or csv (default: from the --output file name, else pdf)."),
        QStringLiteral("format")};
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
        parser.addOptions(
            {server, tokenFile, demoTokens, history, report, quarterlyReview, output, format, screenshot});
        parser.addPositionalArgument(QStringLiteral("link"),
            QCoreApplication::translate("main", "A countersign://open link to open (the running app opens it)."),
            QStringLiteral("[link]"));
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

bool headlessExport(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--quarterly-review" || arg.startsWith("--quarterly-review="))
            return true;
    }
    return false;
}

// --quarterly-review: fetch, write, quit; 0 on success, 1 when the server or the file failed,
// 2 for a wrong command line.
int exportQuarterlyReview(const QCommandLineParser &parser, const Options &options, const QString &token)
{
    QTextStream err(stderr);
    const auto quarter = Countersign::QuarterlyExport::parseQuarter(parser.value(options.quarterlyReview));
    const QString output = parser.value(options.output);
    const auto format = Countersign::QuarterlyExport::parseFormat(parser.value(options.format), output);
    if (!quarter || !format || output.isEmpty() || !parser.isSet(options.server) || token.isEmpty()) {
        err << "countersign: "
            << (!quarter                  ? QStringLiteral("--quarterly-review ") + quarter.error().message
                       : !format          ? QStringLiteral("--format ") + format.error().message
                       : output.isEmpty() ? QStringLiteral("--quarterly-review needs --output FILE")
                       : token.isEmpty()  ? QStringLiteral("--quarterly-review needs --token-file or --demo-tokens")
                                          : QStringLiteral("--quarterly-review needs --server URL"))
            << '\n';
        return 2;
    }
    Countersign::ServerConnection connection;
    connection.setServer(QUrl(parser.value(options.server)), token);
    Countersign::QuarterlyExport job(&connection);
    int code = 1;
    QObject::connect(&job, &Countersign::QuarterlyExport::finished, qApp, [&code, &err, output](const QString &error) {
        if (error.isEmpty()) {
            QTextStream(stdout) << "countersign: wrote " << output << '\n';
            code = 0;
        } else {
            err << "countersign: the quarterly review was not written: " << error << '\n';
        }
        QCoreApplication::quit();
    });
    job.start(quarter->first, quarter->second, *format, output);
    QApplication::exec();
    return code;
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
    // The charts need a QApplication, a scheduled export no display: offscreen unless told otherwise.
    if (headlessExport(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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

    QString token;
    if (parser.isSet(tokenFile))
        token = tokenFromFile(parser.value(tokenFile), {});
    else if (parser.isSet(demoTokens))
        token = tokenFromFile(parser.value(demoTokens), QStringLiteral("lead"));
    if (parser.isSet(options.quarterlyReview))
        return exportQuarterlyReview(parser, options, token);

    // One app per user: a link given to a second start opens in the running one.
    const QString link = parser.positionalArguments().value(0);
    Countersign::SingleInstance instance;
    // (A start without a link still opens a window of its own, as before.)
    if (!instance.listen() && !link.isEmpty()
        && Countersign::SingleInstance::forward(Countersign::SingleInstance::defaultName(), link))
        return 0;

    Countersign::ReviewerApp reviewer(historyPath);
    QObject::connect(
        &instance, &Countersign::SingleInstance::linkReceived, &reviewer, &Countersign::ReviewerApp::openLink);
    if (parser.isSet(server) && token.isEmpty())
        QTextStream(stderr) << "countersign: no token given (--token-file or --demo-tokens); asking for one\n";
    reviewer.start(parser.isSet(server) ? QUrl(parser.value(server)) : QUrl(), token);
    if (!link.isEmpty())
        reviewer.openLink(link);
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
