#pragma once

#include "domain/manualclock.h"

#include <QObject>

namespace Countersign::Test {

// PostgreSQL only: URLs, migrations numbered like SQLite's, and what several server instances
// on one database rely on: racing writers (one wins each version, idempotency keys stay
// unique), one linear audit chain and gap-free event order under concurrent commits, the
// LISTEN/NOTIFY feed, reconnection after a lost connection, and the append-only audit table.
class PostgresStoreTests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void factoryParsesUrls_data();
    void factoryParsesUrls();
    void migrationsMirrorSqlite();
    void upgradesFromEveryOlderVersion();
    void newerSchemaIsRefused();
    void foreignDatabaseIsLeftAlone();
    void unreachableServerIsUnavailable();
    void racingWritersWinOnceEach();
    void racingSubmissionsKeepKeysUnique();
    void concurrentCommitsKeepOneChain();
    void notifierReportsCommits();
    void reconnectsAfterTheConnectionIsLost();
    void auditTableIsAppendOnly();
    void tamperingIsReported();

private:
    QString m_url;
    ManualClock m_clock;
};

} // namespace Countersign::Test
