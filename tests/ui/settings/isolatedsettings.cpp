#include "isolatedsettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace Countersign::Test {

void isolateSettings(const QString &testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CountersignTest"));
    QCoreApplication::setApplicationName(testName + u'-' + QString::number(QCoreApplication::applicationPid()));
}

void removeIsolatedSettings()
{
    QFile::remove(QSettings().fileName());
}

} // namespace Countersign::Test
