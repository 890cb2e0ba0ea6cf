#include "auditentry.h"

#include "domain/timeformat.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Countersign {

namespace {

// QJsonDocument sorts object keys, so compact JSON of an object is canonical.
QByteArray canonicalValue(const QJsonValue &v)
{
    QJsonArray wrapper{v};
    return QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray AuditEntry::canonicalEncoding() const
{
    const QJsonObject o{
        {QStringLiteral("seq"), double(seq)},
        {QStringLiteral("time"), toIsoUtc(time)},
        {QStringLiteral("actor"), actor},
        {QStringLiteral("role"), role},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("before"), before},
        {QStringLiteral("after"), after},
        {QStringLiteral("prev"), QString::fromLatin1(prevHash)},
    };
    return canonicalValue(o);
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
