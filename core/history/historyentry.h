#pragma once

#include <QDateTime>
#include <QJsonObject>

#include <optional>

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
    // The text the change applies to (payload.original), when the action carried one. Entries
    // written before it existed have no "original" key in their record, and their hash stays as
    // it was: record() only writes the key when there is an original.
    std::optional<QString> original;
    QString finalPayload; // what the reviewer approved (empty for a rejection)
    QString diff; // unified diff between the two
    QJsonObject actionSnapshot;
    bool serverAccepted = false;
    QString serverAnswer; // resulting state, or the server's error message

    // The original, or for an entry written before `original` was kept, the one in the action
    // snapshot (if the action carried one).
    std::optional<QString> originalText() const;

    QJsonObject record() const;
    static HistoryEntry fromRecord(qint64 seq, const QJsonObject &record);
};

} // namespace Countersign
