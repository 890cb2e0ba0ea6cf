#pragma once

#include <QByteArray>
#include <QString>

namespace Countersign::Test {

// Absolute path of a file under tests/data/.
QString dataPath(const QString &relative);
// Absolute path of a file in the source tree (e.g. "examples/policy.json").
QString sourcePath(const QString &relative);
// Contents of a file under tests/data/; fails the current test if missing.
QByteArray readData(const QString &relative);

} // namespace Countersign::Test
