#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace Countersign {

// One decision the reviewer made, as kept in the local history: what was proposed, what was
// decided, what the server answered. Serialised into the hash chain as `record()`.
struct HistoryEntry {
    qint64 seq = 0; // assigned by DecisionHistory
    QDateTime time;
    QString server; // base URL of the server the decision went to
    QString actionId;
    QString actionType;
    QString category;
    QString title;
    QString outcome; // approve | modify | reject
    QString reason;
    QString reviewer;
    QString language;
    QString aiDraft; // the payload as the agent proposed it
    QString finalPayload; // what the reviewer approved (empty for a rejection)
    QString diff; // unified diff between the two
    QJsonObject actionSnapshot;
    bool serverAccepted = false;
    QString serverAnswer; // resulting state, or the server's error message

    QJsonObject record() const;
    static HistoryEntry fromRecord(qint64 seq, const QJsonObject &record);
};

} // namespace Countersign
