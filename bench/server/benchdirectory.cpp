#include "benchdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_LINUX
#include <linux/magic.h>
#include <sys/vfs.h>
#endif

namespace Countersign::Bench {

bool isTmpfs(const QString &path)
{
#ifdef Q_OS_LINUX
    struct statfs fs{};
    return statfs(QFile::encodeName(path).constData(), &fs) == 0 && fs.f_type == TMPFS_MAGIC;
#else
    Q_UNUSED(path)
    return false;
#endif
}

QString durableTempBase()
{
    const QString chosen = qEnvironmentVariable("COUNTERSIGN_BENCH_DIR");
    if (!chosen.isEmpty())
        return chosen;
    for (const QString &candidate : {QDir::tempPath(), QStringLiteral("/var/tmp")}) {
        if (QFileInfo(candidate).isDir() && QFileInfo(candidate).isWritable() && !isTmpfs(candidate))
            return candidate;
    }
    return QDir::tempPath(); // only tmpfs around: the figures then leave out the sync
}

QString volatileTempBase()
{
    for (const QString &candidate : {QDir::tempPath(), QStringLiteral("/dev/shm")}) {
        if (isTmpfs(candidate))
            return candidate;
    }
    return {};
}

} // namespace Countersign::Bench
