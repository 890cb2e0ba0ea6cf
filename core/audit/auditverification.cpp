#include "auditverification.h"

namespace Countersign {

QJsonObject AuditVerification::toJson() const
{
    QJsonObject o{{QStringLiteral("ok"), ok}, {QStringLiteral("entries"), double(entries)}};
    if (!ok) {
        o.insert(QStringLiteral("first_bad_seq"), double(firstBadSeq));
        o.insert(QStringLiteral("problem"), problem);
    }
    return o;
}

bool AuditChainVerifier::add(const AuditEntry &e)
{
    if (!m_result.ok)
        return false;
    auto broken = [&](const QString &why) {
        m_result.ok = false;
        m_result.firstBadSeq = m_expectedSeq;
        m_result.problem = why;
        return false;
    };
    if (e.seq != m_expectedSeq) {
        return broken(e.seq > m_expectedSeq
                ? QStringLiteral("entry %1 is missing (next entry is %2)").arg(m_expectedSeq).arg(e.seq)
                : QStringLiteral("entry %1 is out of order or duplicated (found %2)").arg(m_expectedSeq).arg(e.seq));
    }
    if (e.prevHash != m_prevHash)
        return broken(QStringLiteral("entry %1 does not link to the previous entry's hash").arg(e.seq));
    if (e.computeHash() != e.hash)
        return broken(QStringLiteral("entry %1 was altered: its hash does not match its contents").arg(e.seq));
    m_prevHash = e.hash;
    ++m_expectedSeq;
    ++m_result.entries;
    return true;
}

AuditVerification AuditChainVerifier::verify(const QList<AuditEntry> &entries)
{
    AuditChainVerifier v;
    for (const auto &e : entries) {
        if (!v.add(e))
            break;
    }
    return v.result();
}

} // namespace Countersign
