#pragma once

#include "audit/auditentry.h"
#include "audit/auditverification.h"
#include "domain/error.h"

#include <QList>

namespace Countersign {

// The hash-chained audit log.
class AuditLog
{
public:
    virtual ~AuditLog() = default;

    // For changes that are not action transitions (policy, tokens). seq, prevHash and hash are
    // assigned by the store; returns the entry's seq.
    virtual Result<qint64> appendAudit(const AuditEntry &entry) = 0;
    virtual Result<QList<AuditEntry>> auditEntries(qint64 afterSeq, int limit) = 0;
    virtual Result<AuditVerification> verifyAudit() = 0;
};

} // namespace Countersign
