#pragma once

#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace Countersign::Test {

// The countersign-server executable run as a child process, for what only a real process shows:
// SIGTERM, SIGKILL, restarts on the same database, the command line.
class ServerProcess
{
public:
    static QString binary();
    // Runs `countersign-server ARGS...` to completion: exit code, stdout.
    static int runToEnd(const QStringList &arguments, QByteArray *output = nullptr, int timeoutMs = 20000);
    // `token create`: the token from the last line of the output, or empty.
    static QByteArray createToken(const QString &database, const QString &role, const QString &name);

    ~ServerProcess();
    // Starts with --listen 127.0.0.1:0 and waits for the address it prints.
    bool start(const QStringList &arguments);
    QUrl url() const { return m_url; }
    QProcess &process() { return m_process; }
    QByteArray output() const { return m_output; }
    bool waitForExit(int timeoutMs);

private:
    QProcess m_process;
    QByteArray m_output;
    QUrl m_url;
};

} // namespace Countersign::Test
