#pragma once

#include <QTcpServer>

namespace Countersign::Test {

// A loopback TCP proxy in front of a real server that, while refusing, answers every WebSocket
// upgrade with 403 and passes plain HTTP through: the corporate proxy that drops upgrades, under
// which the client must fall back to polling.
class UpgradeRefusingProxy : public QTcpServer
{
    Q_OBJECT

public:
    explicit UpgradeRefusingProxy(quint16 upstreamPort, QObject *parent = nullptr);

    void setRefusing(bool refusing) { m_refusing = refusing; }
    int refusedUpgrades() const { return m_refused; }

private:
    void accept();

    quint16 m_upstreamPort;
    bool m_refusing = true;
    int m_refused = 0;
};

} // namespace Countersign::Test
