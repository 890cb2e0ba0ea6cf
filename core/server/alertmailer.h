#pragma once

#include "alertmailplanner.h"
#include "serverconfig.h"
#include "smtpsender.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace Countersign {

class Clock;
class StoreWorker;

// Sends what AlertMailPlanner decides: escalations from the changes this instance commits, and
// queue alerts from a queue read after each scheduler pass (on the store thread, like any read).
// SMTP runs on a thread of its own (one, so messages leave in order), never on the event loop
// or the store thread; a failed attempt is retried with a doubling pause, then the message is
// given up. Each is logged (countersign.server.mail) and signalled for the metrics. Email is not
// durable: what waits when the server stops is dropped (webhooks are the durable channel).
class AlertMailer : public QObject
{
    Q_OBJECT
public:
    // `publicUrl`: the base of the /open/{id} links in the messages.
    AlertMailer(MailConfig config, const QUrl &publicUrl, AlertThresholds thresholds, const Clock &clock,
        StoreWorker *worker, QObject *parent = nullptr);
    // Cancels the conversation in flight and the retries waiting, and waits for the thread.
    ~AlertMailer() override;

    void changesCommitted(
        const QList<Countersign::CommittedChange> &changes, const AlertMailPlanner::EscalationContacts &contacts);
    // Reads the queue's state and sends an alert or its all-clear when it has just changed.
    void checkQueue();
    void send(const MailMessage &message);
    int pending() const { return m_pending; }

Q_SIGNALS:
    void sent(const QString &kind, int attempts);
    void attemptFailed(const QString &kind, const QString &error);
    void givenUp(const QString &kind, const QString &error);

private:
    struct Shared;

    MailConfig m_config;
    const Clock &m_clock;
    StoreWorker *m_worker;
    AlertMailPlanner m_planner;
    SmtpSender m_sender;
    std::shared_ptr<Shared> m_shared;
    QThreadPool m_pool;
    int m_pending = 0;
    bool m_checking = false;
};

} // namespace Countersign
