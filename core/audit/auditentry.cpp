#include "auditentry.h"

#include "domain/jsonwriter.h"
#include "domain/timeformat.h"

#include <QCryptographicHash>

namespace Countersign {

QByteArray AuditEntry::canonicalEncoding() const
{
    // What QJsonDocument writes for [{...}] with these members (compact, keys sorted, an
    // undefined before/after left out), written directly: every state change is hashed.
    JsonWriter w;
    w.raw(QByteArrayLiteral("["));
    w.beginObject();
    w.stringMember(QLatin1StringView("actor"), actor);
    if (!after.isUndefined()) {
        w.key(QLatin1StringView("after"));
        w.value(after);
    }
    if (!before.isUndefined()) {
        w.key(QLatin1StringView("before"));
        w.value(before);
    }
    w.stringMember(QLatin1StringView("kind"), kind);
    w.stringMember(QLatin1StringView("prev"), QString::fromLatin1(prevHash));
    w.stringMember(QLatin1StringView("role"), role);
    w.numberMember(QLatin1StringView("seq"), double(seq));
    w.stringMember(QLatin1StringView("subject"), subject);
    w.stringMember(QLatin1StringView("time"), toIsoUtc(time));
    w.endObject();
    w.raw(QByteArrayLiteral("]"));
    return w.take();
}

QByteArray AuditEntry::computeHash() const
{
    return QCryptographicHash::hash(canonicalEncoding(), QCryptographicHash::Sha256).toHex();
}

QJsonObject AuditEntry::toJson() const
{
    return QJsonObject{
        {QStringLiteral("seq"), double(seq)},
        {QStringLiteral("time"), toIsoUtc(time)},
        {QStringLiteral("actor"), actor},
        {QStringLiteral("role"), role},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("before"), before},
        {QStringLiteral("after"), after},
        {QStringLiteral("prev_hash"), QString::fromLatin1(prevHash)},
        {QStringLiteral("hash"), QString::fromLatin1(hash)},
    };
}

AuditEntry AuditEntry::fromJson(const QJsonObject &o)
{
    AuditEntry e;
    e.seq = o.value(QLatin1String("seq")).toInteger();
    e.time = fromIsoUtc(o.value(QLatin1String("time")).toString());
    e.actor = o.value(QLatin1String("actor")).toString();
    e.role = o.value(QLatin1String("role")).toString();
    e.kind = o.value(QLatin1String("kind")).toString();
    e.subject = o.value(QLatin1String("subject")).toString();
    e.before = o.value(QLatin1String("before"));
    e.after = o.value(QLatin1String("after"));
    e.prevHash = o.value(QLatin1String("prev_hash")).toString().toLatin1();
    e.hash = o.value(QLatin1String("hash")).toString().toLatin1();
    return e;
}

} // namespace Countersign
