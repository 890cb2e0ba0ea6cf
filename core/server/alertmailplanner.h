#pragma once

#include "committedchange.h"
#include "mailmessage.h"
#include "queuealertdecision.h"
#include "serverconfig.h"
#include "store/queuestats.h"

#include <QUrl>

#include <functional>
#include <optional>

namespace Countersign {

class Clock;

// What email the server sends, as pure logic over values (tested with a ManualClock, no SMTP):
// an escalation (an action.escalated change this instance committed) goes to the category's
// escalate_to entries that are email addresses and to the leads; a queue alert goes to the
// leads when queue depth or the oldest age passes its threshold, and once more when both are
// back under, never once per scheduler pass. AlertMailer sends what it plans.
class AlertMailPlanner
{
public:
    struct Settings {
        QString from;
        QStringList leads;
        QUrl publicUrl; // base of the /open/{id} links
        AlertThresholds thresholds;
    };
    // The category's escalate_to entries for an action (names and addresses alike).
    using EscalationContacts = std::function<QStringList(const Action &action)>;

    AlertMailPlanner(Settings settings, const Clock &clock);

    QList<MailMessage> forChanges(const QList<CommittedChange> &changes, const EscalationContacts &contacts) const;
    // The alert when the queue has just crossed a threshold, the all-clear when it has just
    // come back; nothing while it stays on one side.
    std::optional<MailMessage> forQueue(const QueueStats &stats);
    bool alerting() const { return m_decision.alerting(); }

    // <base>/open/{id}: the server's page that shows the countersign:// link.
    static QUrl openUrl(const QUrl &base, const QString &actionId);
    MailMessage escalation(const Action &action, const QStringList &to) const;

private:
    MailMessage message(const QString &kind, const QStringList &to, const QString &subject, const QString &body) const;

    Settings m_settings;
    const Clock &m_clock;
    QueueAlertDecision m_decision;
};

} // namespace Countersign
