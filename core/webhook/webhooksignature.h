#pragma once

#include <QByteArray>

namespace Countersign {

// X-Countersign-Signature: "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + raw body),
// the timestamp (X-Countersign-Timestamp, Unix seconds) inside the signed material so a
// captured delivery cannot be replayed later with a new timestamp.
class WebhookSignature
{
public:
    static QByteArray sign(const QByteArray &secret, qint64 timestamp, const QByteArray &body);
    // The signature matches (compared in constant time) and the timestamp lies within
    // `toleranceSeconds` of `now`.
    static bool verify(const QByteArray &secret, const QByteArray &timestampHeader, const QByteArray &body,
        const QByteArray &signatureHeader, qint64 now, qint64 toleranceSeconds = 300);
};

} // namespace Countersign
