#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("countersign"));
    QApplication::setApplicationDisplayName(QStringLiteral("Countersign"));
    QApplication::setOrganizationName(QStringLiteral("Countersign"));
    QApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Review and countersign what AI agents propose."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Countersign::MainWindow window;
    window.show();
    return app.exec();
}
