#include "postgresnotifier.h"

#include "../logging.h"
#include "postgreseventlog.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace Countersign {

namespace {

constexpr int ProbeIntervalMs = 2000;

QString uniqueConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("countersign.store.postgres.listen.%1").arg(++counter);
}

} // namespace

PostgresNotifier::PostgresNotifier(PostgresOptions options, QObject *parent)
    : StoreNotifier(parent)
    , m_options(std::move(options))
    , m_name(uniqueConnectionName())
{
    m_probe.setInterval(ProbeIntervalMs);
    connect(&m_probe, &QTimer::timeout, this, &PostgresNotifier::probe);
}

PostgresNotifier::~PostgresNotifier()
{
    stop();
}

bool PostgresNotifier::isListening() const
{
    return m_db.isOpen() && m_db.driver()->subscribedToNotifications().contains(PostgresEventLog::channel());
}

Result<void> PostgresNotifier::start()
{
    auto listening = connectAndListen();
    if (listening)
        m_probe.start();
    return listening;
}

void PostgresNotifier::stop()
{
    m_probe.stop();
    disconnectDatabase();
}

Result<void> PostgresNotifier::connectAndListen()
{
    disconnectDatabase();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(Error::unavailable(QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed")));
    PostgresOptions listenOptions = m_options;
    listenOptions.applicationName = m_options.applicationName + QStringLiteral("-listen");
    m_db = listenOptions.addDatabase(m_name);
    // The probe runs on the event loop's thread: a server that stops answering over TCP must
    // fail it within seconds, not after the kernel's default of minutes. (libpq ignores these
    // on a Unix socket.)
    m_db.setConnectOptions(listenOptions.connectOptions()
        + QStringLiteral(";keepalives_idle=10;keepalives_interval=5;keepalives_count=2;tcp_user_timeout=10000"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text().trimmed();
        disconnectDatabase();
        return fail(Error::unavailable(
            QStringLiteral("cannot connect to %1 to listen for events: %2").arg(m_options.displayName(), why)));
    }
    QSqlDriver *driver = m_db.driver();
    connect(driver, &QSqlDriver::notification, this, &PostgresNotifier::onNotification);
    if (!driver->subscribeToNotification(PostgresEventLog::channel())) {
        const QString why = driver->lastError().text().trimmed();
        disconnectDatabase();
        return fail(
            Error::unavailable(QStringLiteral("cannot listen for events on %1: %2").arg(m_options.displayName(), why)));
    }
    qCDebug(lcStore) << "listening for events on" << m_options.displayName();
    return {};
}

void PostgresNotifier::disconnectDatabase()
{
    if (!m_db.isValid())
        return;
    if (m_db.isOpen()) {
        m_db.driver()->disconnect(this);
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

void PostgresNotifier::probe()
{
    // A cheap round trip: libpq only notices a dead socket when it uses it.
    if (m_db.isOpen()) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT 1"))) {
            m_failures = 0;
            return;
        }
        qCWarning(lcStore) << "lost the event connection to" << m_options.displayName() << ":" << q.lastError().text();
    }
    // Reconnect with backoff: every probe for a while, then every few.
    ++m_failures;
    if (m_failures > 3 && m_failures % 5 != 0)
        return;
    if (auto listening = connectAndListen(); !listening) {
        qCWarning(lcStore) << listening.error().message;
        return;
    }
    qCInfo(lcStore) << "listening for events on" << m_options.displayName() << "again";
    m_failures = 0;
    Q_EMIT eventsCommitted(0);
}

void PostgresNotifier::onNotification(
    const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    Q_UNUSED(source)
    if (name != PostgresEventLog::channel())
        return;
    bool ok = false;
    const qint64 seq = payload.toString().toLongLong(&ok);
    Q_EMIT eventsCommitted(ok ? seq : 0);
}

} // namespace Countersign
