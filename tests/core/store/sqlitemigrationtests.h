#pragma once

#include "audit/auditentry.h"
#include "domain/action.h"
#include "domain/manualclock.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace Countersign::Test {

class RawSqlite;

// SQLite only: the numbered migrations. A database left by any earlier version (built by
// applying migrations 1..N, then filled the way that version stored data) opens, migrates to the
// latest version with every row intact, and ends with the same schema as a fresh database.
class SqliteMigrationTests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void migrationsAreNumberedFromOne();
    void splitStatements_data();
    void splitStatements();
    void upgradesFromEveryEarlierVersion_data();
    void upgradesFromEveryEarlierVersion();
    void failedUpgradeLeavesThePreviousVersion();
    void spotChecksOfVersion4AreAutoApprovals();

private:
    QString path(const QString &name) const;
    // Fills a database at schema `version` as that version's code stored data.
    bool seed(RawSqlite &raw, int version);

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    QList<Action> m_seededActions;
    QList<AuditEntry> m_seededAudit;
};

} // namespace Countersign::Test
