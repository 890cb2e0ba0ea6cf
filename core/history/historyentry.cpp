#include "historyentry.h"

#include "domain/timeformat.h"

namespace Countersign {

std::optional<QString> HistoryEntry::originalText() const
{
    if (original)
        return original;
    const QJsonValue fromSnapshot
        = actionSnapshot.value(QLatin1String("payload")).toObject().value(QLatin1String("original"));
    if (fromSnapshot.isString())
        return fromSnapshot.toString();
    return std::nullopt;
}

QJsonObject HistoryEntry::record() const
{
    QJsonObject o{
        {QStringLiteral("time"), toIsoUtc(time)},
        {QStringLiteral("server"), server},
        {QStringLiteral("action_id"), actionId},
        {QStringLiteral("type"), actionType},
        {QStringLiteral("category"), category},
        {QStringLiteral("title"), title},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("reviewer"), reviewer},
        {QStringLiteral("language"), language},
        {QStringLiteral("ai_draft"), aiDraft},
        {QStringLiteral("final_payload"), finalPayload},
        {QStringLiteral("diff"), diff},
        {QStringLiteral("action"), actionSnapshot},
        {QStringLiteral("server_accepted"), serverAccepted},
        {QStringLiteral("server_answer"), serverAnswer},
    };
    if (original)
        o.insert(QStringLiteral("original"), *original);
    return o;
}

HistoryEntry HistoryEntry::fromRecord(qint64 seq, const QJsonObject &o)
{
    auto s = [&o](const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    HistoryEntry e;
    e.seq = seq;
    e.time = fromIsoUtc(s("time"));
    e.server = s("server");
    e.actionId = s("action_id");
    e.actionType = s("type");
    e.category = s("category");
    e.title = s("title");
    e.outcome = s("outcome");
    e.reason = s("reason");
    e.reviewer = s("reviewer");
    e.language = s("language");
    e.aiDraft = s("ai_draft");
    if (o.contains(QLatin1String("original")))
        e.original = s("original");
    e.finalPayload = s("final_payload");
    e.diff = s("diff");
    e.actionSnapshot = o.value(QLatin1String("action")).toObject();
    e.serverAccepted = o.value(QLatin1String("server_accepted")).toBool();
    e.serverAnswer = s("server_answer");
    return e;
}

} // namespace Countersign
