#pragma once

#include "auditentry.h"

#include <QList>

namespace Countersign {

// Result of walking a hash chain: ok, or the first entry where it breaks and why.
struct AuditVerification {
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0; // 0 when ok
    QString problem;

    QJsonObject toJson() const;
};

// Verifies entries given in chain order. Reports the first entry whose sequence number,
// previous-hash link or own hash does not match.
class AuditChainVerifier
{
public:
    // Feed entries one at a time (the store streams them); returns false once broken.
    bool add(const AuditEntry &entry);
    AuditVerification result() const { return m_result; }

    static AuditVerification verify(const QList<AuditEntry> &entries);

private:
    AuditVerification m_result;
    QByteArray m_prevHash;
    qint64 m_expectedSeq = 1;
};

} // namespace Countersign
