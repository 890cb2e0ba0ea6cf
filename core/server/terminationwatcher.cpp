#include "terminationwatcher.h"

#include "logging.h"

#include <QMetaObject>
#include <QPointer>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <qt_windows.h>
#endif

namespace Countersign {

namespace {

#ifdef Q_OS_UNIX
int s_fds[2] = {-1, -1};

extern "C" void onUnixSignal(int signal)
{
    const unsigned char byte = static_cast<unsigned char>(signal);
    // Only async-signal-safe calls here.
    [[maybe_unused]] const auto written = ::write(s_fds[0], &byte, 1);
}
#endif

#ifdef Q_OS_WIN
QPointer<TerminationWatcher> s_watcher;

// Windows calls this on a thread of its own. The request is queued to the watcher's thread;
// returning TRUE keeps the process alive for the drain (after a close or shutdown event Windows
// still ends it once its own timeout passes).
BOOL WINAPI onConsoleControl(DWORD event)
{
    switch (event) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        if (TerminationWatcher *watcher = s_watcher.data()) {
            QMetaObject::invokeMethod(
                watcher,
                [watcher, reason = int(event)] {
                    Q_EMIT watcher->terminationRequested(reason);
                },
                Qt::QueuedConnection);
            return TRUE;
        }
        return FALSE;
    default:
        return FALSE;
    }
}
#endif

} // namespace

TerminationWatcher::TerminationWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (s_fds[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0) {
        qCWarning(lcServer) << "cannot watch for SIGTERM: only one watcher per process";
        return;
    }
    m_notifier = new QSocketNotifier(qintptr(s_fds[1]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationWatcher::onReadable);
    struct sigaction action = {};
    action.sa_handler = onUnixSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    m_valid = true;
#elif defined(Q_OS_WIN)
    if (s_watcher || !::SetConsoleCtrlHandler(onConsoleControl, TRUE)) {
        qCWarning(lcServer) << "cannot watch for Ctrl+C: only one watcher per process";
        return;
    }
    s_watcher = this;
    m_valid = true;
#endif
}

TerminationWatcher::~TerminationWatcher()
{
    if (!m_valid)
        return;
#ifdef Q_OS_UNIX
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::close(s_fds[0]);
    ::close(s_fds[1]);
    s_fds[0] = s_fds[1] = -1;
#elif defined(Q_OS_WIN)
    ::SetConsoleCtrlHandler(onConsoleControl, FALSE);
    s_watcher = nullptr;
#endif
}

void TerminationWatcher::onReadable()
{
#ifdef Q_OS_UNIX
    unsigned char byte = 0;
    if (::read(s_fds[1], &byte, 1) == 1)
        Q_EMIT terminationRequested(int(byte));
#endif
}

} // namespace Countersign
