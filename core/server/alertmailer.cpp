#include "alertmailer.h"

#include "domain/clock.h"
#include "logging.h"
#include "storeworker.h"

#include <condition_variable>
#include <mutex>

namespace Countersign {

struct AlertMailer::Shared {
    std::atomic_bool cancelled{false};
    std::mutex mutex;
    std::condition_variable wake;

    // Waits out a retry pause; false when the mailer is going away meanwhile.
    bool pause(std::chrono::milliseconds duration)
    {
        std::unique_lock lock(mutex);
        return !wake.wait_for(lock, duration, [this] {
            return cancelled.load();
        });
    }
};

namespace {

constexpr std::chrono::milliseconds MaxPause{5 * 60 * 1000};

} // namespace

AlertMailer::AlertMailer(MailConfig config, const QUrl &publicUrl, AlertThresholds thresholds, const Clock &clock,
    StoreWorker *worker, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_worker(worker)
    , m_planner(AlertMailPlanner::Settings{m_config.from, m_config.leads, publicUrl, thresholds}, clock)
    , m_sender(SmtpSender::Settings{m_config.smtpUrl, m_config.user, m_config.password, m_config.timeout})
    , m_shared(std::make_shared<Shared>())
{
    SmtpSender::initialize();
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("countersign-mail"));
}

AlertMailer::~AlertMailer()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->cancelled = true;
    }
    m_shared->wake.notify_all();
    m_pool.clear();
    m_pool.waitForDone();
    if (m_pending > 0)
        qCWarning(lcMail) << m_pending << "message(s) not sent: the server stopped";
}

void AlertMailer::changesCommitted(
    const QList<CommittedChange> &changes, const AlertMailPlanner::EscalationContacts &contacts)
{
    const QList<MailMessage> messages = m_planner.forChanges(changes, contacts);
    for (const MailMessage &m : messages)
        send(m);
}

void AlertMailer::checkQueue()
{
    if (m_checking || m_config.leads.isEmpty())
        return;
    m_checking = true;
    const QDateTime now = m_clock.now();
    m_worker->read<QueueStats>(
        this,
        [now](Store &store) {
            return store.queueStats(now);
        },
        [this](Result<QueueStats> stats) {
            m_checking = false;
            if (!stats) {
                qCWarning(lcMail) << "cannot read the queue for its alerts:" << stats.error().toString();
                return;
            }
            if (auto message = m_planner.forQueue(*stats))
                send(*message);
        });
}

void AlertMailer::send(const MailMessage &message)
{
    ++m_pending;
    const SmtpSender sender = m_sender;
    const int attempts = qMax(1, m_config.attempts);
    const std::chrono::milliseconds firstRetry = m_config.firstRetry;
    const QString recipients = message.to.join(QStringLiteral(", "));
    std::shared_ptr<Shared> shared = m_shared;
    // Results come back as queued calls on this object's thread (Qt drops them if it is gone;
    // it outlives the task itself, since the destructor waits for the pool).
    AlertMailer *self = this;
    auto attemptFailed = [self](const QString &kind, const QString &error) {
        QMetaObject::invokeMethod(
            self,
            [self, kind, error] {
                Q_EMIT self->attemptFailed(kind, error);
            },
            Qt::QueuedConnection);
    };
    auto finished = [self](const QString &kind, int attempt, const QString &error) {
        QMetaObject::invokeMethod(
            self,
            [self, kind, attempt, error] {
                --self->m_pending;
                if (error.isEmpty())
                    Q_EMIT self->sent(kind, attempt);
                else
                    Q_EMIT self->givenUp(kind, error);
            },
            Qt::QueuedConnection);
    };
    m_pool.start([message, sender, attempts, firstRetry, recipients, shared, attemptFailed, finished] {
        std::chrono::milliseconds pause = firstRetry;
        QString error;
        for (int attempt = 1; attempt <= attempts; ++attempt) {
            const Result<void> done = sender.send(message, shared->cancelled);
            if (done) {
                qCInfo(lcMail).noquote() << message.kind << "mail sent to" << recipients;
                finished(message.kind, attempt, QString());
                return;
            }
            error = done.error().message;
            if (shared->cancelled)
                break;
            attemptFailed(message.kind, error);
            if (attempt == attempts)
                break;
            qCWarning(lcMail).noquote() << message.kind << "mail to" << recipients << "attempt" << attempt << "of"
                                        << attempts << "failed:" << error << "- retrying in" << pause.count() << "ms";
            if (!shared->pause(pause))
                break;
            pause = qMin(pause * 2, MaxPause);
        }
        qCWarning(lcMail).noquote() << message.kind << "mail to" << recipients << "given up:" << error;
        finished(message.kind, 0, error.isEmpty() ? QStringLiteral("cancelled") : error);
    });
}

} // namespace Countersign
