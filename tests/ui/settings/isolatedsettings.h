#pragma once

#include <QString>

namespace Countersign::Test {

// Points QSettings (and QStandardPaths) at Qt's test location (~/.qttest) under a name of this
// process's own, so runs from several build directories at once never share a settings file.
// Call first thing in initTestCase(); removeIsolatedSettings() in cleanupTestCase().
void isolateSettings(const QString &testName);
void removeIsolatedSettings();

} // namespace Countersign::Test
