#include "storetestbase.h"

#include "storetestdata.h"

#include <QTest>

namespace Countersign::Test {

StoreTestBase::StoreTestBase(StoreBackend backend, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{ }

void StoreTestBase::initTestCase()
{
    if (m_backend.unavailable) {
        if (const QString why = m_backend.unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }
}

void StoreTestBase::init()
{
    m_clock.set(T0);
    m_model.clear();
    m_location = m_backend.freshLocation();
    auto created = m_backend.create(m_location, m_clock);
    CS_VERIFY_OK(created);
    m_store = std::move(*created);
    CS_VERIFY_OK(m_store->open());
}

void StoreTestBase::cleanup()
{
    m_store.reset();
}

std::unique_ptr<Store> StoreTestBase::openAnother()
{
    auto created = m_backend.create(m_location, m_clock);
    if (!created) {
        QTest::qFail(qPrintable(created.error().message), __FILE__, __LINE__);
        return {};
    }
    if (auto opened = (*created)->open(); !opened) {
        QTest::qFail(qPrintable(opened.error().message), __FILE__, __LINE__);
        return {};
    }
    return std::move(*created);
}

QList<Result<CommitResult>> StoreTestBase::commitAndTrack(const QList<ActionChange> &changes)
{
    const auto results = m_store->commit(changes);
    for (const auto &r : results) {
        if (r)
            m_model.insert(r->action.id, r->action);
    }
    return results;
}

bool StoreTestBase::insertAll(const QList<Action> &actions)
{
    QList<ActionChange> changes;
    for (const Action &a : actions)
        changes.append(insertion(a, a.agent));
    const auto results = commitAndTrack(changes);
    for (const auto &r : results) {
        if (!r) {
            QTest::qFail(qPrintable(r.error().message), __FILE__, __LINE__);
            return false;
        }
    }
    return results.size() == actions.size();
}

bool StoreTestBase::apply(const Action &after, const QString &event, const QString &actor)
{
    const Action before = m_model.value(after.id);
    const auto results = commitAndTrack({transition(before, after, event, actor)});
    if (results.size() != 1 || !results.constFirst()) {
        QTest::qFail(qPrintable(results.isEmpty() ? QStringLiteral("no result") : results.constFirst().error().message),
            __FILE__, __LINE__);
        return false;
    }
    return true;
}

} // namespace Countersign::Test
