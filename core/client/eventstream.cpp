#include "eventstream.h"

#include "apireply.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace std::chrono_literals;

namespace Countersign {

namespace {
constexpr auto InitialBackoff = 500ms;
constexpr auto MaxBackoff = 30s;
constexpr auto PollInterval = 2s;
} // namespace

EventStream::EventStream(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::openSocket);
    m_pollTimer.setInterval(PollInterval);
    connect(&m_pollTimer, &QTimer::timeout, this, &EventStream::poll);
    m_heartbeat.setInterval(HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return;
        if (m_lastHeard.elapsed() > StaleAfterMs) {
            qCInfo(lcClient) << "event stream silent for" << m_lastHeard.elapsed() << "ms; reconnecting";
            m_socket.abort();
            return;
        }
        m_socket.ping();
    });
    connect(&m_socket, &QWebSocket::pong, this, [this] {
        m_lastHeard.restart();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onTextMessage);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        const bool wasInterrupted = m_failures > 0;
        m_failures = 0;
        m_backoff = InitialBackoff;
        m_pollTimer.stop();
        m_lastHeard.start();
        m_heartbeat.start();
        setState(State::Live);
        Q_EMIT serverReached();
        if (wasInterrupted)
            Q_EMIT resumed();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &EventStream::onSocketDisconnected);
    connect(&m_socket, &QWebSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        qCInfo(lcClient) << "event stream error:" << m_socket.errorString();
        Q_EMIT connectionError(m_socket.errorString());
        if (m_state != State::Stopped && !m_pollTimer.isActive())
            Q_EMIT serverUnreachable(m_socket.errorString());
    });
    m_socket.setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
}

EventStream::~EventStream()
{
    // The socket outlives the timers (members die in reverse order) and emits disconnected()
    // while it is destroyed: nothing of ours may run by then.
    m_state = State::Stopped;
    disconnect(&m_socket, nullptr, this, nullptr);
    m_socket.abort();
}

void EventStream::start(const QUrl &baseUrl, const QString &token, std::optional<qint64> sinceSeq)
{
    stop();
    m_baseUrl = baseUrl;
    m_token = token;
    m_lastSeq = sinceSeq.value_or(-1);
    m_failures = 0;
    m_backoff = InitialBackoff;
    openSocket();
}

void EventStream::retryNow()
{
    if (m_state == State::Stopped || m_state == State::Live || m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_retryTimer.stop();
    m_backoff = InitialBackoff;
    openSocket();
}

void EventStream::stop()
{
    m_retryTimer.stop();
    m_pollTimer.stop();
    m_heartbeat.stop();
    setState(State::Stopped);
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.abort();
}

QUrl EventStream::eventsUrl(bool websocket) const
{
    QUrl url = m_baseUrl;
    if (websocket)
        url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + QStringLiteral("/v1/events"));
    QUrlQuery q;
    if (m_lastSeq >= 0)
        q.addQueryItem(QStringLiteral("since"), QString::number(m_lastSeq));
    url.setQuery(q);
    return url;
}

void EventStream::openSocket()
{
    if (m_baseUrl.isEmpty())
        return;
    if (!m_pollTimer.isActive())
        setState(m_failures == 0 ? State::Connecting : State::Reconnecting);
    QNetworkRequest request(eventsUrl(true));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    m_socket.open(request);
}

void EventStream::onTextMessage(const QString &message)
{
    m_lastHeard.restart();
    const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
    if (o.value(QLatin1String("type")).toString() == QLatin1String("hello")) {
        // Where the server's sequence stands: resume points are known before any event arrives.
        if (m_lastSeq < 0)
            m_lastSeq = o.value(QLatin1String("last_seq")).toInteger();
        return;
    }
    if (o.isEmpty() || !o.contains(QLatin1String("seq"))) {
        qCWarning(lcClient) << "ignoring a malformed event";
        return;
    }
    deliver(Event::fromJson(o));
}

void EventStream::deliver(const Event &event)
{
    // Replays after a reconnect can overlap what was already seen: deliver each seq once.
    if (m_lastSeq >= 0 && event.seq <= m_lastSeq)
        return;
    m_lastSeq = event.seq;
    Q_EMIT eventReceived(event);
}

void EventStream::onSocketDisconnected()
{
    m_heartbeat.stop();
    if (m_state == State::Stopped)
        return;
    if (m_socket.closeCode() == QWebSocketProtocol::CloseCodePolicyViolated) {
        const QString reason = m_socket.closeReason();
        stop();
        Q_EMIT tokenRefused(reason);
        return;
    }
    if (!m_pollTimer.isActive())
        Q_EMIT serverUnreachable(tr("The event stream was interrupted."));
    ++m_failures;
    if (m_failures >= FailuresBeforePolling && !m_pollTimer.isActive()) {
        qCInfo(lcClient) << "WebSocket keeps failing; polling for events";
        setState(State::Polling);
        m_pollTimer.start();
        poll();
    }
    scheduleReconnect();
}

void EventStream::scheduleReconnect()
{
    // Jitter spreads the reconnects of many clients after a server restart.
    const auto jitter
        = std::chrono::milliseconds(QRandomGenerator::global()->bounded(qint64(m_backoff.count() / 4 + 1)));
    m_retryTimer.start(m_backoff + jitter);
    m_backoff = std::min<std::chrono::milliseconds>(m_backoff * 2, MaxBackoff);
    if (!m_pollTimer.isActive())
        setState(State::Reconnecting);
}

void EventStream::poll()
{
    // Without a sequence yet (the WebSocket never got through to say hello), the first poll asks
    // for nothing and only learns where the server's sequence stands.
    if (m_pollInFlight || m_baseUrl.isEmpty())
        return;
    m_pollInFlight = true;
    QNetworkRequest request(eventsUrl(false));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_pollInFlight = false;
        if (!m_pollTimer.isActive())
            return; // the WebSocket is back, or the stream stopped
        const auto doc = ApiReply::read(reply);
        if (!doc) {
            Q_EMIT connectionError(doc.error().message);
            if (ApiReply::unreachable(reply))
                Q_EMIT serverUnreachable(doc.error().message);
            return;
        }
        Q_EMIT serverReached();
        const QJsonArray events = doc->object().value(QLatin1String("events")).toArray();
        for (const auto &e : events)
            deliver(Event::fromJson(e.toObject()));
        if (m_lastSeq < 0)
            m_lastSeq = qint64(doc->object().value(QLatin1String("last_seq")).toDouble(-1));
    });
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Countersign
