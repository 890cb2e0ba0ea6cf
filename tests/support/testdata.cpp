#include "testdata.h"

#include <QFile>
#include <QTest>

namespace Countersign::Test {

QString dataPath(const QString &relative)
{
    return QStringLiteral(COUNTERSIGN_TEST_DATA_DIR "/") + relative;
}

QString sourcePath(const QString &relative)
{
    return QStringLiteral(COUNTERSIGN_SOURCE_DIR "/") + relative;
}

QByteArray readData(const QString &relative)
{
    QFile f(dataPath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("cannot read test data %s", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

} // namespace Countersign::Test
