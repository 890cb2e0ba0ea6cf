#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

namespace Countersign {

// Queue health as of `now`: what `GET /v1/queue/stats` and the metrics report.
struct QueueStats {
    struct Category {
        QString name;
        qint64 depth = 0; // pending actions
        qint64 oldestAgeSeconds = 0; // age of the oldest pending action
        qint64 slaBreaches = 0; // pending actions past their SLA
        qint64 escalated = 0;
    };
    QList<Category> categories; // sorted by name
    QMap<QString, qint64> claimedByReviewer;
    qint64 totalDepth = 0;
    qint64 oldestAgeSeconds = 0;

    QJsonObject toJson() const;
};

} // namespace Countersign
