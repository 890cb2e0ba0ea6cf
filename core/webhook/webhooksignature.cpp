#include "webhooksignature.h"

#include <QMessageAuthenticationCode>

#include <cstdlib>

namespace Countersign {

QByteArray WebhookSignature::sign(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(timestamp));
    mac.addData(".");
    mac.addData(body);
    QByteArray signature("sha256=");
    signature.append(mac.result().toHex());
    return signature;
}

bool WebhookSignature::verify(const QByteArray &secret, const QByteArray &timestampHeader, const QByteArray &body,
    const QByteArray &signatureHeader, qint64 now, qint64 toleranceSeconds)
{
    bool ok = false;
    const qint64 timestamp = timestampHeader.toLongLong(&ok);
    if (!ok || std::llabs(now - timestamp) > toleranceSeconds)
        return false;
    const QByteArray expected = sign(secret, timestamp, body);
    if (expected.size() != signatureHeader.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected.at(i) ^ signatureHeader.at(i));
    return diff == 0;
}

} // namespace Countersign
