#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Countersign {

// A bearer token as stored: never the token itself, only its SHA-256 (hex).
struct TokenRecord {
    QString name;
    QString role; // agent | reviewer | lead | admin
    QByteArray hash;
    QDateTime createdAt;
    bool revoked = false;
};

} // namespace Countersign
