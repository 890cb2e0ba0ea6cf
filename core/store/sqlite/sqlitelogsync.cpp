#include "sqlitelogsync.h"

#include "../logging.h"
#include "sqliteconnection.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Countersign {

namespace {

#ifdef Q_OS_UNIX
QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
#endif

} // namespace

SqliteLogSync::SqliteLogSync(QString databasePath, QString logPath)
    : m_databasePath(std::move(databasePath))
    , m_path(std::move(logPath))
{ }

SqliteLogSync::~SqliteLogSync()
{
    if (m_checkpointer.joinable()) {
        {
            std::lock_guard lock(m_checkpointMutex);
            m_stopping = true;
        }
        m_checkpointWake.notify_all();
        m_checkpointer.join();
    }
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

Result<std::shared_ptr<SqliteLogSync>> SqliteLogSync::open(const QString &databasePath)
{
    std::shared_ptr<SqliteLogSync> log(new SqliteLogSync(databasePath, databasePath + QStringLiteral("-wal")));
    if (auto opened = log->openFile(); !opened)
        return fail(opened.error());
    log->m_checkpointer = std::thread([raw = log.get()] {
        raw->runCheckpoints();
    });
    return log;
}

void SqliteLogSync::runCheckpoints()
{
    SqliteConnection connection(m_databasePath, SqliteOptions{}); // used on this thread only
    for (;;) {
        {
            std::unique_lock lock(m_checkpointMutex);
            m_checkpointWake.wait(lock, [this] {
                return m_stopping || m_checkpointWanted;
            });
            if (m_stopping)
                break;
            m_checkpointWanted = false;
        }
        if (auto opened = connection.open(); !opened) {
            qCWarning(lcStore) << "cannot checkpoint:" << opened.error().message;
            continue;
        }
        // PASSIVE: copies what no reader still needs and never waits for the writer.
        if (auto done = connection.executeOnce(
                QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), QStringLiteral("checkpointing the log"));
            !done)
            qCWarning(lcStore) << done.error().message;
    }
}

Result<void> SqliteLogSync::openFile()
{
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(m_path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(Error::unavailable(QStringLiteral("cannot open %1: %2").arg(m_path, systemError(errno))));
    struct stat info{};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return fail(Error::unavailable(QStringLiteral("cannot read %1: %2").arg(m_path, systemError(error))));
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = fd;
    m_device = quint64(info.st_dev);
    m_inode = quint64(info.st_ino);
    return {};
#else
    return fail(Error::unavailable(QStringLiteral("syncing %1 on its own needs POSIX").arg(m_path)));
#endif
}

Result<void> SqliteLogSync::sync()
{
#ifdef Q_OS_UNIX
    std::lock_guard lock(m_mutex);
    // SQLite deletes the log when the last connection closes; should another process have
    // started a new one since, the commits to sync are in that file.
    const QByteArray name = QFile::encodeName(m_path);
    struct stat now{};
    if (::stat(name.constData(), &now) == 0 && (quint64(now.st_dev) != m_device || quint64(now.st_ino) != m_inode)) {
        if (auto reopened = openFile(); !reopened)
            return reopened;
    }
#ifdef Q_OS_DARWIN
    const int synced = ::fsync(m_fd);
#else
    const int synced = ::fdatasync(m_fd);
#endif
    if (synced != 0)
        return fail(Error::unavailable(QStringLiteral("cannot sync %1: %2").arg(m_path, systemError(errno))));
    struct stat size{};
    if (::fstat(m_fd, &size) == 0 && size.st_size > CheckpointBytes) {
        {
            std::lock_guard wanted(m_checkpointMutex);
            m_checkpointWanted = true;
        }
        m_checkpointWake.notify_one();
    }
    return {};
#else
    return fail(Error::unavailable(QStringLiteral("syncing %1 on its own needs POSIX").arg(m_path)));
#endif
}

} // namespace Countersign
