#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Countersign {

// One stored revision of the policy document; the newest is in force.
struct PolicyVersion {
    int version = 0;
    QDateTime createdAt;
    QString actor;
    QByteArray document; // the JSON exactly as accepted
};

} // namespace Countersign
