#pragma once

#include "domain/manualclock.h"
#include "storebackend.h"

#include <QObject>
#include <QVariantList>

namespace Countersign::Test {

// How the report store tests reach a backend: the store backend, plus a database left by schema
// version 3 (actions, no report tables) for the upgrade test.
struct ReportBackend {
    StoreBackend store;
    // Builds at `location` a version 3 database holding `actions` as stored then.
    std::function<Result<void>(const QString &location, const QList<Action> &actions)> createVersion3;
};

// The report side of a store, the same cases for every backend: the rollup commit() keeps, its
// grouped reads, the latest reviews, spot checks, proposals, and the upgrade of a version 3
// database (migration 0004 backfills the rollup from the actions already stored).
class ReportStoreTests : public QObject
{
    Q_OBJECT

public:
    explicit ReportStoreTests(ReportBackend backend);

    // The INSERT of one action row as versions 1-3 store it, and its values in that order.
    static QString insertActionSql();
    static QVariantList actionRow(const Action &action);

private Q_SLOTS:
    void initTestCase();
    void init();
    void commitKeepsTheRollup();
    void twoStoresKeepOneRollup();
    void latestReviewOutcomesSkipPolicyAndExpiry();
    void spotChecksTakeOneVerdict();
    void proposalsMoveOnOnce();
    void upgradeFromVersion3Backfills();

private:
    // A new store on a fresh database, opened, sampling spot checks at `fraction`.
    std::unique_ptr<Store> freshStore(double fraction = 0);

    ReportBackend m_backend;
    ManualClock m_clock;
};

} // namespace Countersign::Test
