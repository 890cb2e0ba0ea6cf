#pragma once

#include "domain/error.h"

#include <QString>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace Countersign {

// Syncs a SQLite database's write-ahead log from any thread. With synchronous=NORMAL a WAL
// commit writes its frames without an fsync; one fdatasync of the log file then makes every
// commit written before it durable (and the log header with them). POSIX only.
//
// It also checkpoints: the writer's connection runs with wal_autocheckpoint=0, so copying the
// log back into the database (reads, writes and two fsyncs every few megabytes) happens on a
// thread of its own, on its own connection, instead of inside a commit.
class SqliteLogSync
{
public:
    // The log of the database at `databasePath` ("PATH-wal"), which must exist: SQLite creates
    // it when the first connection opens the database in WAL mode.
    static Result<std::shared_ptr<SqliteLogSync>> open(const QString &databasePath);
    ~SqliteLogSync();
    Q_DISABLE_COPY_MOVE(SqliteLogSync)

    Result<void> sync();

    // The log size past which a checkpoint starts (SQLite's own default is 1000 pages).
    static constexpr qint64 CheckpointBytes = 4 * 1024 * 1024;

private:
    SqliteLogSync(QString databasePath, QString logPath);
    Result<void> openFile();
    void runCheckpoints();

    const QString m_databasePath;
    const QString m_path;
    std::mutex m_mutex;
    int m_fd = -1;
    quint64 m_device = 0;
    quint64 m_inode = 0;

    std::thread m_checkpointer;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointWanted = false;
    bool m_stopping = false;
};

} // namespace Countersign
