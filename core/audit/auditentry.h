#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace Countersign {

// One append-only entry of the audit log. Entries are hash-chained: `hash` is SHA-256 over the
// canonical encoding of the entry's fields and `prevHash`, so any edit, deletion, insertion or
// reordering breaks the chain at the first entry touched.
struct AuditEntry {
    qint64 seq = 0; // 1-based position in the chain, assigned by the store
    QDateTime time;
    QString actor; // token name, "policy", "expiry", "scheduler"
    QString role; // agent, reviewer, lead, admin, system
    QString kind; // "action.created", "action.decided", "policy.updated", "token.created", ...
    QString subject; // action id, policy version, token name
    QJsonValue before;
    QJsonValue after;
    QByteArray prevHash; // hex; empty for the first entry
    QByteArray hash; // hex

    // Deterministic bytes the hash covers (sorted keys, compact JSON, UTC ms times).
    QByteArray canonicalEncoding() const;
    QByteArray computeHash() const; // hex SHA-256 of canonicalEncoding()

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &object);
};

} // namespace Countersign
