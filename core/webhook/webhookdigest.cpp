#include "webhookdigest.h"

#include "domain/clock.h"
#include "webhookmessage.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace Countersign {

namespace {

QString slackEscaped(QString text)
{
    return text.replace(QLatin1Char('&'), QLatin1String("&amp;"))
        .replace(QLatin1Char('<'), QLatin1String("&lt;"))
        .replace(QLatin1Char('>'), QLatin1String("&gt;"));
}

struct Item {
    QString title;
    QString link;
};

Item itemOf(const ClaimedDelivery &claimed, const QUrl &publicUrl)
{
    const QJsonObject event = QJsonDocument::fromJson(claimed.delivery.body).object();
    QString title = event.value(QLatin1String("action")).toObject().value(QLatin1String("title")).toString();
    if (title.isEmpty())
        title = WebhookMessage::headline(event);
    return Item{title, WebhookMessage::openLink(event, publicUrl)};
}

} // namespace

WebhookDigest::WebhookDigest(Settings settings, const Clock &clock)
    : m_settings(settings)
    , m_clock(clock)
{ }

bool WebhookDigest::groupable(const ClaimedDelivery &c) const
{
    // A chat message about an action, on its first attempt, from the last window: a retry or a
    // backlog keeps its own message (it was due, or already tried, on its own).
    return c.webhook.format != WebhookFormat::Json && c.delivery.eventType.startsWith(QLatin1String("action."))
        && c.delivery.attempts == 0 && c.delivery.createdAt >= m_clock.now().addMSecs(-m_settings.window.count());
}

QList<QList<ClaimedDelivery>> WebhookDigest::group(const QList<ClaimedDelivery> &claimed) const
{
    QHash<QString, int> perHook;
    if (m_settings.threshold > 0) {
        for (const ClaimedDelivery &c : claimed) {
            if (groupable(c))
                ++perHook[c.webhook.id];
        }
    }
    QList<QList<ClaimedDelivery>> out;
    QHash<QString, qsizetype> digestAt; // webhook id -> its digest's index in `out`
    for (const ClaimedDelivery &c : claimed) {
        if (!groupable(c) || perHook.value(c.webhook.id) <= m_settings.threshold) {
            out.append({c});
            continue;
        }
        const auto at = digestAt.constFind(c.webhook.id);
        if (at == digestAt.cend()) {
            digestAt.insert(c.webhook.id, out.size());
            out.append({c});
        } else {
            out[*at].append(c);
        }
    }
    return out;
}

QString WebhookDigest::summary(const QList<ClaimedDelivery> &group)
{
    bool created = true;
    for (const ClaimedDelivery &c : group)
        created = created && c.delivery.eventType == QLatin1String("action.created");
    return created ? QStringLiteral("%1 actions wait for review").arg(group.size())
                   : QStringLiteral("%1 action updates").arg(group.size());
}

QByteArray WebhookDigest::body(const QList<ClaimedDelivery> &group, const QUrl &publicUrl) const
{
    const qsizetype listed = qMin<qsizetype>(group.size(), qMax(0, m_settings.listed));
    const qsizetype more = group.size() - listed;
    const QString head = summary(group);
    const WebhookFormat format = group.isEmpty() ? WebhookFormat::Slack : group.first().webhook.format;
    QStringList lines;
    QString plain = head + QStringLiteral(": ");
    QStringList titles;
    for (qsizetype i = 0; i < listed; ++i) {
        const Item item = itemOf(group.at(i), publicUrl);
        titles.append(item.title);
        if (format == WebhookFormat::Teams)
            lines.append(item.link.isEmpty() ? QStringLiteral("- %1").arg(item.title)
                                             : QStringLiteral("- [%1](%2)").arg(item.title, item.link));
        else
            lines.append(item.link.isEmpty() ? QStringLiteral("• %1").arg(slackEscaped(item.title))
                                             : QStringLiteral("• <%1|%2>").arg(item.link, slackEscaped(item.title)));
    }
    plain += titles.join(QStringLiteral(", "));
    if (more > 0) {
        plain += QStringLiteral(", and %1 more").arg(more);
        lines.append(QStringLiteral("and %1 more").arg(more));
    }
    QJsonObject message;
    if (format == WebhookFormat::Teams) {
        message = QJsonObject{{QStringLiteral("@type"), QStringLiteral("MessageCard")},
            {QStringLiteral("@context"), QStringLiteral("https://schema.org/extensions")},
            {QStringLiteral("summary"), head}, {QStringLiteral("title"), head},
            {QStringLiteral("text"), lines.join(QStringLiteral("\n\n"))}};
    } else {
        message = QJsonObject{{QStringLiteral("text"), plain},
            {QStringLiteral("blocks"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                    {QStringLiteral("text"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                            {QStringLiteral("text"),
                                QStringLiteral("*%1*\n%2").arg(head, lines.join(QLatin1Char('\n')))}}}}}}};
    }
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

} // namespace Countersign
