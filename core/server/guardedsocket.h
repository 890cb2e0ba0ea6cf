#pragma once

#include <QMetaMethod>
#include <QTcpSocket>

#include <functional>

namespace Countersign {

// The sockets LimitedTcpServer hands to Qt HttpServer. Two additions: it can tell whether
// anyone besides the ConnectionGuard listens to readyRead, i.e. whether Qt HttpServer will read
// during the current emission (it disconnects while a request is being answered); and it
// reports the moves of Qt's WebSocket code, which takes a socket over by disconnecting
// everything from it and then connects its own readers to readyRead, so the guard can take its
// place in line (see ConnectionGuard::onReadyReadConnected).
class GuardedSocket : public QTcpSocket
{
    Q_OBJECT
public:
    using QTcpSocket::QTcpSocket;

    int readyReadListeners() const { return receivers(SIGNAL(readyRead())); }

    struct Hooks {
        std::function<void()> allDisconnected; // disconnect() of every signal
        std::function<void()> readyReadConnected; // someone connected to readyRead
    };
    void setHooks(Hooks hooks) { m_hooks = std::move(hooks); }

protected:
    void connectNotify(const QMetaMethod &signal) override
    {
        QTcpSocket::connectNotify(signal);
        if (m_hooks.readyReadConnected && !m_inHook && signal == QMetaMethod::fromSignal(&QIODevice::readyRead))
            callHook(m_hooks.readyReadConnected);
    }
    void disconnectNotify(const QMetaMethod &signal) override
    {
        QTcpSocket::disconnectNotify(signal);
        if (m_hooks.allDisconnected && !m_inHook && !signal.isValid())
            callHook(m_hooks.allDisconnected);
    }

private:
    void callHook(const std::function<void()> &hook)
    {
        m_inHook = true; // a hook may connect to readyRead itself
        const std::function<void()> copy = hook; // and may replace the hooks
        copy();
        m_inHook = false;
    }

    Hooks m_hooks;
    bool m_inHook = false;
};

} // namespace Countersign
