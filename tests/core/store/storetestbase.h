#pragma once

#include "domain/manualclock.h"
#include "storebackend.h"

#include <QMap>
#include <QObject>

namespace Countersign::Test {

// Common ground of the backend-neutral store tests: a fresh, open store per test function on
// a manual clock, and a model of what the store must hold after each commit.
class StoreTestBase : public QObject
{
    Q_OBJECT

public:
    explicit StoreTestBase(StoreBackend backend, QObject *parent = nullptr);

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

protected:
    // Another store instance on the current test's database, opened.
    std::unique_ptr<Store> openAnother();
    // Commits and records every successful change in m_model.
    QList<Result<CommitResult>> commitAndTrack(const QList<ActionChange> &changes);
    // Inserts all, in one commit; false (with a test failure) if any insert fails.
    bool insertAll(const QList<Action> &actions);
    // Applies `after` (a transition of the model's current value) with event `event`.
    bool apply(const Action &after, const QString &event, const QString &actor = QStringLiteral("alice"));

    StoreBackend m_backend;
    ManualClock m_clock;
    QString m_location;
    std::unique_ptr<Store> m_store;
    QMap<QString, Action> m_model;
};

} // namespace Countersign::Test
