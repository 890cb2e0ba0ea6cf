#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace Countersign::Test {

// `countersign-cli hook claude-code ...` as Claude Code runs it: the hook input on stdin, the
// answer on stdout. The test's event loop keeps running meanwhile, so an in-process server
// answers the hook.
class HookProcess
{
public:
    bool start(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &environment);
    // Exit code (-1 on a crash or a timeout).
    int finish(int timeoutMs = 20000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QByteArray output() const { return m_output; }
    QByteArray errors() const { return m_errors; }
    // hookSpecificOutput of the answer (empty if the output is not the expected JSON).
    QJsonObject answer() const;
    qint64 elapsedMs() const { return m_elapsedMs; }

    // The environment without COUNTERSIGN_* variables, so the tests see only what they set.
    static QProcessEnvironment cleanEnvironment();

private:
    QProcess m_process;
    QByteArray m_output;
    QByteArray m_errors;
    qint64 m_startedAt = 0;
    qint64 m_elapsedMs = 0;
};

} // namespace Countersign::Test
