#pragma once

#include "domain/event.h"

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

    State state() const { return m_state; }
    qint64 lastSeq() const { return m_lastSeq; } // -1 until known
    std::chrono::milliseconds nextRetryDelay() const { return m_backoff; }

    // How many WebSocket failures in a row before polling takes over.
    static constexpr int FailuresBeforePolling = 3;

Q_SIGNALS:
    void eventReceived(const Countersign::Event &event);
    void stateChanged(Countersign::EventStream::State state);
    void connectionError(const QString &message);
    // The stream is live again after an interruption; events in between were replayed.
    void resumed();

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
    QUrl m_baseUrl;
    QString m_token;
    qint64 m_lastSeq = -1;
    int m_failures = 0;
    std::chrono::milliseconds m_backoff{500};
    State m_state = State::Stopped;
    bool m_pollInFlight = false;
};

} // namespace Countersign
