#pragma once

#include "domain/error.h"

#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>

namespace Countersign {

class QueueServer;

// countersign-server --demo: one token per role (printed, and written as JSON for
// `scripts/countersign run` to connect the app), then a stream of realistic actions through
// the same admission path as POST /v1/actions: a batch at start, then one every few seconds.
class DemoSeeder : public QObject
{
    Q_OBJECT
public:
    explicit DemoSeeder(QueueServer *server, QObject *parent = nullptr);

    // {"server": URL, "tokens": {"agent": T, "reviewer": T, "lead": T, "admin": T}}, also
    // written to `file`.
    Result<QJsonObject> createTokens(const QString &file);
    void start(int initial, std::chrono::milliseconds interval);
    void stop();
    int submitted() const { return m_submitted; }

private:
    void submitOne();

    QueueServer *m_server;
    QTimer m_timer;
    QRandomGenerator m_random;
    int m_serial = 0;
    int m_submitted = 0;
};

} // namespace Countersign
