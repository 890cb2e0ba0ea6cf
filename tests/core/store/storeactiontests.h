#pragma once

#include "storetestbase.h"

namespace Countersign::Test {

// Backend-neutral: actions round-trip exactly; commit() is atomic per change, isolates
// conflicts, appends one event and one audit entry per change; data survives reopening.
class StoreActionTests : public StoreTestBase
{
    Q_OBJECT

public:
    using StoreTestBase::StoreTestBase;

private Q_SLOTS:
    void roundTripsEveryField();
    void roundTripsAMinimalAction();
    void roundTripsTheOriginal();
    void unknownActionIsNotFound();
    void idempotencyKeyIsUniquePerAgent();
    void duplicateIdIsAConflict();
    void staleVersionConflictsAloneInItsBatch();
    void invalidChangesFailAlone();
    void fixedFieldsStayFixed();
    void commitAppendsEventAndAuditEntry();
    void largeBatchCommitsTogether();
    void reopenKeepsEverything();
    void twoStoresShareOneDatabase();
    void closedStoreIsUnavailable();
};

} // namespace Countersign::Test
