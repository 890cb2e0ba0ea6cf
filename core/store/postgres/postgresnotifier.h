#pragma once

#include "../storenotifier.h"
#include "postgresoptions.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

namespace Countersign {

// LISTEN on a dedicated connection (QSqlDriver::subscribeToNotification) for the commits of
// every instance: PostgresStore::commit() notifies PostgresEventLog::channel() with its last
// event seq. A periodic probe notices a lost connection, reconnects with backoff and reports
// seq 0 so the listener catches up on what it may have missed meanwhile.
class PostgresNotifier final : public StoreNotifier
{
    Q_OBJECT
public:
    explicit PostgresNotifier(PostgresOptions options, QObject *parent = nullptr);
    ~PostgresNotifier() override;

    Result<void> start() override;
    void stop() override;
    bool isListening() const;

private:
    Result<void> connectAndListen();
    void disconnectDatabase();
    void probe();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    PostgresOptions m_options;
    QString m_name;
    QSqlDatabase m_db;
    QTimer m_probe;
    int m_failures = 0;
};

} // namespace Countersign
