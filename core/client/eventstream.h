#pragma once

#include "domain/event.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace Countersign {

// Live events from the server: a WebSocket on /v1/events that reconnects by itself with
// exponential backoff and resumes with ?since=<last seq>, so no event is missed across a
// reconnect. When the WebSocket keeps failing while plain HTTP works (a proxy that drops
// upgrades), it falls back to polling GET /v1/events?since=.
class EventStream : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Connecting, Live, Polling, Reconnecting };
    Q_ENUM(State)

    EventStream(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EventStream() override;

    // With a sequence number, replays everything after it; without, starts from what happens
    // next (the server's hello message tells the current sequence, for later resumes).
    void start(const QUrl &baseUrl, const QString &token, std::optional<qint64> sinceSeq);
    void stop();
    // Reconnects at once instead of waiting out the backoff (the server is known to be back).
    void retryNow();

    State state() const { return m_state; }
    qint64 lastSeq() const { return m_lastSeq; } // -1 until known
    std::chrono::milliseconds nextRetryDelay() const { return m_backoff; }

    // How many WebSocket failures in a row before polling takes over.
    static constexpr int FailuresBeforePolling = 3;
    // A live socket is pinged this often; one that has said nothing for StaleAfterMs is dropped
    // (and reconnected), so a hung server or a dead network shows within seconds.
    static constexpr int HeartbeatMs = 1000;
    static constexpr int StaleAfterMs = 3000;

Q_SIGNALS:
    void eventReceived(const Countersign::Event &event);
    void stateChanged(Countersign::EventStream::State state);
    void connectionError(const QString &message);
    // The stream is live again after an interruption; events in between were replayed.
    void resumed();
    // Evidence for ConnectionHealth: the server answered (socket up, a message, a poll), or the
    // stream could not reach it (the socket dropped or failed while not polling, a poll failed).
    void serverReached();
    void serverUnreachable(const QString &message);
    // The server closed the stream because the token is no longer valid (revoked, role changed):
    // the stream stops; reconnecting with the same token cannot help.
    void tokenRefused(const QString &reason);

private:
    void openSocket();
    void onTextMessage(const QString &message);
    void onSocketDisconnected();
    void scheduleReconnect();
    void poll();
    void setState(State state);
    void deliver(const Event &event);
    QUrl eventsUrl(bool websocket) const;

    QNetworkAccessManager *m_network;
    QWebSocket m_socket;
    QTimer m_retryTimer;
    QTimer m_pollTimer;
    QTimer m_heartbeat;
    QElapsedTimer m_lastHeard;
    QUrl m_baseUrl;
    QString m_token;
    qint64 m_lastSeq = -1;
    int m_failures = 0;
    std::chrono::milliseconds m_backoff{500};
    State m_state = State::Stopped;
    bool m_pollInFlight = false;
};

} // namespace Countersign
