#pragma once

#include <QObject>

class QSocketNotifier;

namespace Countersign {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe trick), so the server
// can shut down gracefully instead of dying mid-request.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Countersign
