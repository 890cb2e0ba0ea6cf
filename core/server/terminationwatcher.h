#pragma once

#include <QObject>

class QSocketNotifier;

namespace Countersign {

// Turns the platform's "please stop" into a Qt signal on the event loop, so the server drains
// its requests instead of dying mid-request: SIGTERM and SIGINT on Unix (self-pipe trick), the
// console's Ctrl+C, Ctrl+Break, close and shutdown events on Windows. One per process.
class TerminationWatcher : public QObject
{
    Q_OBJECT
public:
    explicit TerminationWatcher(QObject *parent = nullptr);
    ~TerminationWatcher() override;

    bool isValid() const { return m_valid; }

Q_SIGNALS:
    // `reason`: the Unix signal number, or the Windows console control event.
    void terminationRequested(int reason);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    bool m_valid = false;
};

} // namespace Countersign
