#pragma once

#include "storetestbase.h"

namespace Countersign::Test {

// Backend-neutral: listings filter, sort and page correctly (keyset paging never repeats an
// item, even while the queue changes), and the scheduler's and dashboard's queries are right.
// Expected results are computed from the test's own model, never hard-coded.
class StoreQueryTests : public StoreTestBase
{
    Q_OBJECT

public:
    using StoreTestBase::StoreTestBase;

private Q_SLOTS:
    void filtersAndSorts_data();
    void filtersAndSorts();
    void pagesConcatenateToTheFullListing_data();
    void pagesConcatenateToTheFullListing();
    void snoozeFilters();
    void limitIsClamped();
    void foreignCursorsAreRejected();
    void pagingAChangingQueueNeverRepeats_data();
    void pagingAChangingQueueNeverRepeats();
    void dueActions();
    void queueStats();

private:
    // A queue of generated actions with some claimed, escalated and decided, in m_model.
    bool buildQueue(int count);
    QList<Action> expected(const ActionQuery &query) const;
    QStringList listAll(ActionQuery query, int pageSize, int *pages = nullptr);
};

} // namespace Countersign::Test
