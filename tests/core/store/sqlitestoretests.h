#pragma once

#include "domain/manualclock.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace Countersign::Test {

// SQLite only: locations, connection settings, and every storage failure for real (a lock held
// by another connection, a read-only file, a full database, foreign and newer files). Each must
// give Unavailable with a clear message and leave the file intact.
class SqliteStoreTests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void factoryParsesLocations();
    void connectionSettings();
    void connectionsAreNamedPerInstance();
    void lockedDatabaseIsUnavailable();
    void openingALockedDatabaseIsUnavailable();
    void readOnlyDatabaseIsUnavailableForWrites();
    void readOnlyStoreRefusesToMigrate();
    void fullDatabaseRollsBackTheWholeBatch();
    void failureMidBatchUndoesEarlierChanges();
    void newerSchemaIsRefused();
    void foreignDatabaseIsLeftAlone();
    void notADatabaseIsRefused();
    void uncreatableDirectoryIsUnavailable();

private:
    QString path(const QString &name) const;
    // A store on `file` holding a few committed actions, a token and a policy, closed again.
    bool populate(const QString &file);

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
};

} // namespace Countersign::Test
