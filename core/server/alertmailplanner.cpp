#include "alertmailplanner.h"

#include "domain/clock.h"
#include "domain/openlink.h"
#include "metrics.h"

#include <QUuid>

namespace Countersign {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QStringLiteral("none");
}

QString ageText(qint64 seconds)
{
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(seconds / 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

// Addresses once each, in order, compared without case.
QStringList unique(const QStringList &addresses)
{
    QStringList out;
    QStringList seen;
    for (const QString &a : addresses) {
        const QString key = a.trimmed().toLower();
        if (key.isEmpty() || seen.contains(key))
            continue;
        seen.append(key);
        out.append(a.trimmed());
    }
    return out;
}

QString domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    return at >= 0 ? address.mid(at + 1) : QStringLiteral("countersign.invalid");
}

} // namespace

AlertMailPlanner::AlertMailPlanner(Settings settings, const Clock &clock)
    : m_settings(std::move(settings))
    , m_clock(clock)
    , m_decision(m_settings.thresholds, false)
{ }

QUrl AlertMailPlanner::openUrl(const QUrl &base, const QString &actionId)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/open/") + actionId);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

MailMessage AlertMailPlanner::message(
    const QString &kind, const QStringList &to, const QString &subject, const QString &body) const
{
    MailMessage m;
    m.kind = kind;
    m.from = m_settings.from;
    m.to = to;
    m.subject = subject;
    m.body = body;
    m.date = m_clock.now();
    m.messageId = QUuid::createUuid().toString(QUuid::WithoutBraces) + u'.' + kind + u'@' + domainOf(m_settings.from);
    return m;
}

MailMessage AlertMailPlanner::escalation(const Action &a, const QStringList &to) const
{
    OpenLink link{m_settings.publicUrl, a.id};
    QString body;
    body += QStringLiteral("An action waits past its category's SLA and has been escalated.\n\n");
    body += QStringLiteral("Title:       %1\n").arg(a.title);
    body += QStringLiteral("Type:        %1\n").arg(a.type);
    body += QStringLiteral("Category:    %1\n").arg(a.category);
    body += QStringLiteral("Agent:       %1\n").arg(a.agent);
    body += QStringLiteral("Confidence:  %1%\n").arg(qRound(a.confidence * 100));
    body += QStringLiteral("SLA due:     %1\n").arg(timeText(a.slaDueAt));
    body += QStringLiteral("Expires:     %1\n").arg(timeText(a.expiresAt));
    if (!a.assignedTo.isEmpty())
        body += QStringLiteral("Assigned to: %1\n").arg(a.assignedTo);
    body += QStringLiteral("\nOpen it: %1\n").arg(openUrl(m_settings.publicUrl, a.id).toString(QUrl::FullyEncoded));
    body += QStringLiteral("In the app: %1\n").arg(link.toUrl().toString(QUrl::FullyEncoded));
    return message(
        QStringLiteral("escalation"), to, QStringLiteral("[Countersign] Past its SLA: %1").arg(a.title), body);
}

QList<MailMessage> AlertMailPlanner::forChanges(
    const QList<CommittedChange> &changes, const EscalationContacts &contacts) const
{
    QList<MailMessage> out;
    for (const CommittedChange &c : changes) {
        if (c.type != QLatin1String("action.escalated"))
            continue;
        QStringList to;
        const QStringList named = contacts ? contacts(c.action) : QStringList();
        for (const QString &entry : named) {
            if (MailMessage::isAddress(entry.trimmed()))
                to.append(entry);
        }
        to = unique(to + m_settings.leads);
        if (!to.isEmpty())
            out.append(escalation(c.action, to));
    }
    return out;
}

std::optional<MailMessage> AlertMailPlanner::forQueue(const QueueStats &stats)
{
    const bool depth = Metrics::depthAlert(stats, m_settings.thresholds);
    const bool age = Metrics::ageAlert(stats, m_settings.thresholds);
    const std::optional<bool> changed = m_decision.update(stats);
    if (!changed)
        return std::nullopt;
    const bool alerting = *changed;
    const QStringList to = unique(m_settings.leads);
    if (to.isEmpty())
        return std::nullopt;

    QString body;
    QString subject;
    QString kind;
    const QString state = QStringLiteral("%1 pending, the oldest waiting %2")
                              .arg(stats.totalDepth)
                              .arg(ageText(stats.oldestAgeSeconds));
    if (alerting) {
        kind = QStringLiteral("queue.alert");
        subject = QStringLiteral("[Countersign] Queue alert: %1").arg(state);
        body += QStringLiteral("The review queue has passed an alert threshold.\n\n");
    } else {
        kind = QStringLiteral("queue.cleared");
        subject = QStringLiteral("[Countersign] Queue alert cleared: %1").arg(state);
        body += QStringLiteral("The review queue is back under its alert thresholds.\n\n");
    }
    body += QStringLiteral("Pending:     %1 (alert at %2)%3\n")
                .arg(stats.totalDepth)
                .arg(m_settings.thresholds.queueDepth)
                .arg(depth ? QStringLiteral(" - over") : QString());
    body += QStringLiteral("Oldest:      %1 (alert at %2)%3\n")
                .arg(ageText(stats.oldestAgeSeconds), ageText(m_settings.thresholds.oldestAgeSeconds))
                .arg(age ? QStringLiteral(" - over") : QString());
    body += QStringLiteral("As of:       %1\n").arg(timeText(m_clock.now()));
    if (!stats.categories.isEmpty()) {
        body += QStringLiteral("\nBy category (pending, oldest, past SLA):\n");
        for (const QueueStats::Category &c : stats.categories)
            body += QStringLiteral("  %1: %2, %3, %4\n")
                        .arg(c.name)
                        .arg(c.depth)
                        .arg(ageText(c.oldestAgeSeconds))
                        .arg(c.slaBreaches);
    }
    body += QStringLiteral("\nServer: %1\n").arg(m_settings.publicUrl.toString(QUrl::FullyEncoded));
    return message(kind, to, subject, body);
}

} // namespace Countersign
