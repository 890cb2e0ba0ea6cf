#pragma once

// What the memory tests read of a server process, and whether this build runs under
// AddressSanitizer (whose shadow memory makes their bounds meaningless).
#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>

#if defined(__SANITIZE_ADDRESS__)
#define COUNTERSIGN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COUNTERSIGN_ASAN 1
#endif
#endif

namespace Countersign::Test {

// kB from /proc/PID/status (VmRSS, VmHWM); -1 when it cannot be read.
inline qint64 procStatus(qint64 pid, const QByteArray &field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// ASan keeps freed memory in a quarantine, which would count as growth: under ASan `process`
// starts without it, so the figure is the program's own again. Nothing otherwise.
inline void withoutAsanQuarantine([[maybe_unused]] QProcess &process)
{
#ifdef COUNTERSIGN_ASAN
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString options = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"),
        (options.isEmpty() ? QString() : options + u':') + QStringLiteral("quarantine_size_mb=0"));
    process.setProcessEnvironment(env);
#endif
}

} // namespace Countersign::Test
