#include "webhookmessage.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Countersign {

namespace {

QString verb(const QString &eventType, const QJsonObject &action)
{
    if (eventType == QLatin1String("action.created"))
        return QStringLiteral("Needs review");
    if (eventType == QLatin1String("action.decided"))
        return QStringLiteral("Decided (%1)").arg(action.value(QLatin1String("state")).toString());
    if (eventType == QLatin1String("action.escalated"))
        return QStringLiteral("Escalated, past its SLA");
    if (eventType == QLatin1String("action.expired"))
        return QStringLiteral("Expired");
    if (eventType == QLatin1String("webhook.test"))
        return QStringLiteral("Test delivery");
    return eventType;
}

// Slack's mrkdwn gives &, < and > a meaning.
QString slackEscaped(QString text)
{
    return text.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"));
}

struct Facts {
    QString type, agent, confidence, due;
};

Facts factsOf(const QJsonObject &action)
{
    const QJsonValue due = action.value(QLatin1String("deadline"));
    return Facts{action.value(QLatin1String("type")).toString(), action.value(QLatin1String("agent")).toString(),
        action.contains(QLatin1String("confidence"))
            ? QString::number(action.value(QLatin1String("confidence")).toDouble(), 'f', 2)
            : QString(),
        due.isString() ? due.toString() : QStringLiteral("none")};
}

} // namespace

QString WebhookMessage::openLink(const QJsonObject &event, const QUrl &publicUrl)
{
    const QString id = event.value(QLatin1String("action_id")).toString();
    if (id.isEmpty() || !publicUrl.isValid())
        return {};
    QUrl url = publicUrl;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/open/") + id);
    url.setQuery(QString());
    url.setFragment(QString());
    return url.toString(QUrl::FullyEncoded);
}

QString WebhookMessage::headline(const QJsonObject &event)
{
    if (event.value(QLatin1String("type")).toString() == QLatin1String("queue.alert")) {
        const bool raised = event.value(QLatin1String("state")).toString() == QLatin1String("raised");
        return QStringLiteral("%1: %2 pending, the oldest waiting %3 s")
            .arg(raised ? QStringLiteral("Queue alert") : QStringLiteral("Queue alert cleared"))
            .arg(event.value(QLatin1String("depth")).toInteger())
            .arg(event.value(QLatin1String("oldest_age_seconds")).toInteger());
    }
    const QJsonObject action = event.value(QLatin1String("action")).toObject();
    const QString title = action.value(QLatin1String("title")).toString();
    const QString what = verb(event.value(QLatin1String("type")).toString(), action);
    return title.isEmpty() ? what : QStringLiteral("%1: %2").arg(what, title);
}

QJsonObject WebhookMessage::slack(const QJsonObject &event, const QUrl &publicUrl)
{
    const QJsonObject action = event.value(QLatin1String("action")).toObject();
    const Facts f = factsOf(action);
    const QString link = openLink(event, publicUrl);
    const QString headlineText = slackEscaped(headline(event));
    QJsonArray blocks{QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
        {QStringLiteral("text"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                {QStringLiteral("text"), QStringLiteral("*%1*").arg(headlineText)}}}}};
    if (!action.isEmpty()) {
        QJsonArray fields;
        const auto field = [&fields](const QString &name, const QString &value) {
            fields.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                {QStringLiteral("text"), QStringLiteral("*%1*\n%2").arg(name, slackEscaped(value))}});
        };
        field(QStringLiteral("Type"), f.type);
        field(QStringLiteral("Agent"), f.agent);
        field(QStringLiteral("Confidence"), f.confidence);
        field(QStringLiteral("Due"), f.due);
        blocks.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("section")}, {QStringLiteral("fields"), fields}});
    }
    if (!link.isEmpty()) {
        blocks.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("actions")},
            {QStringLiteral("elements"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("button")},
                    {QStringLiteral("text"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")},
                            {QStringLiteral("text"), QStringLiteral("Open in Countersign")}}},
                    {QStringLiteral("url"), link}}}}});
    }
    // The text is what notifications and clients without blocks show.
    QString text = headlineText;
    if (!link.isEmpty())
        text += QStringLiteral(" <%1|Open>").arg(link);
    return QJsonObject{{QStringLiteral("text"), text}, {QStringLiteral("blocks"), blocks}};
}

QJsonObject WebhookMessage::teams(const QJsonObject &event, const QUrl &publicUrl)
{
    const QJsonObject action = event.value(QLatin1String("action")).toObject();
    const Facts f = factsOf(action);
    const QString link = openLink(event, publicUrl);
    const QString title = headline(event);
    QJsonObject card{{QStringLiteral("@type"), QStringLiteral("MessageCard")},
        {QStringLiteral("@context"), QStringLiteral("https://schema.org/extensions")},
        {QStringLiteral("summary"), title}, {QStringLiteral("title"), title}};
    if (!action.isEmpty()) {
        QJsonArray facts;
        const auto fact = [&facts](const QString &name, const QString &value) {
            facts.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
        };
        fact(QStringLiteral("Type"), f.type);
        fact(QStringLiteral("Agent"), f.agent);
        fact(QStringLiteral("Confidence"), f.confidence);
        fact(QStringLiteral("Due"), f.due);
        card.insert(QStringLiteral("sections"), QJsonArray{QJsonObject{{QStringLiteral("facts"), facts}}});
    }
    if (!link.isEmpty()) {
        card.insert(QStringLiteral("potentialAction"),
            QJsonArray{QJsonObject{{QStringLiteral("@type"), QStringLiteral("OpenUri")},
                {QStringLiteral("name"), QStringLiteral("Open in Countersign")},
                {QStringLiteral("targets"),
                    QJsonArray{QJsonObject{
                        {QStringLiteral("os"), QStringLiteral("default")}, {QStringLiteral("uri"), link}}}}}});
    }
    return card;
}

QByteArray WebhookMessage::body(WebhookFormat format, const QByteArray &eventJson, const QUrl &publicUrl)
{
    if (format == WebhookFormat::Json)
        return eventJson;
    const QJsonObject event = QJsonDocument::fromJson(eventJson).object();
    const QJsonObject message = format == WebhookFormat::Slack ? slack(event, publicUrl) : teams(event, publicUrl);
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

} // namespace Countersign
