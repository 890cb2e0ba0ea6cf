#include "cli/commandregistry.h"
#include "countersignversion.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("countersign-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COUNTERSIGN_VERSION));
    return Countersign::Cli::dispatch(QCoreApplication::arguments());
}
