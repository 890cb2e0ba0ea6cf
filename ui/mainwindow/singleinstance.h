#pragma once

#include <QObject>

class QLocalServer;

namespace Countersign {

// One reviewer app per user. The first start listens on a local socket named per user; a later
// start with a countersign:// link hands the link over (forward()) and exits, so the link opens
// in the window the reviewer already has. The receiving side checks what it is sent
// (OpenLink::parse): anything running as the same user could write to the socket.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &name = defaultName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this is the first instance (it now listens); false when another one answers.
    bool listen();
    // Sends `link` to the running instance and waits up to `timeoutMs` for its answer. Blocking:
    // meant for the start of a second process, before any window exists.
    static bool forward(const QString &name, const QString &link, int timeoutMs = 3000);
    // Per user: the socket lives in a per-user place, and the name carries the user's home.
    static QString defaultName();

Q_SIGNALS:
    void linkReceived(const QString &link);

private:
    void accept();

    QString m_name;
    QLocalServer *m_server;
};

} // namespace Countersign
