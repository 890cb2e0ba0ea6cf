#include "claudetranscript.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Countersign::Cli {

namespace {

constexpr qsizetype MaxReasoning = 8000; // the server accepts 20000; a reviewer reads less

// An entry is {"type": "assistant", "message": {"role": "assistant", "content": [...]}}, with
// content either a string or a list of blocks, of which the "text" ones are the words.
QString textOf(const QJsonObject &entry)
{
    const QJsonObject message = entry.value(QLatin1String("message")).toObject();
    const bool assistant = entry.value(QLatin1String("type")).toString() == QLatin1String("assistant")
        || (entry.value(QLatin1String("type")).isUndefined()
            && message.value(QLatin1String("role")).toString() == QLatin1String("assistant"));
    if (!assistant)
        return {};
    const QJsonValue content = message.value(QLatin1String("content"));
    if (content.isString())
        return content.toString().trimmed();
    QStringList parts;
    const QJsonArray blocks = content.toArray();
    for (const QJsonValue &block : blocks) {
        const QJsonObject b = block.toObject();
        if (b.value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts.append(b.value(QLatin1String("text")).toString().trimmed());
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace

QString ClaudeTranscript::lastAssistantText(const QString &path, qint64 tailBytes)
{
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 size = file.size();
    if (size > tailBytes)
        file.seek(size - tailBytes);
    QList<QByteArray> lines = file.readAll().split('\n');
    if (size > tailBytes && !lines.isEmpty())
        lines.removeFirst(); // cut in the middle
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QByteArray line = it->trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject())
            continue; // a garbled or half-written line: skip it, keep looking
        const QString text = textOf(doc.object());
        if (!text.isEmpty())
            return text.size() > MaxReasoning ? text.left(MaxReasoning - 1) + QChar(0x2026) : text;
    }
    return {};
}

} // namespace Countersign::Cli
