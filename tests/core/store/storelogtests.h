#pragma once

#include "storetestbase.h"

namespace Countersign::Test {

// Backend-neutral: the event log (resume with since=SEQ), the audit chain, tokens and policy
// versions.
class StoreLogTests : public StoreTestBase
{
    Q_OBJECT

public:
    using StoreTestBase::StoreTestBase;

private Q_SLOTS:
    void emptyStore();
    void eventsResumeAfterASeq();
    void appendAuditChainsEntries();
    void auditEntriesPage();
    void auditValuesRoundTrip_data();
    void auditValuesRoundTrip();
    void tokens();
    void policyVersionsCountUp();
};

} // namespace Countersign::Test
