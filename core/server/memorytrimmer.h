#pragma once

#include <QObject>
#include <QTimer>

namespace Countersign {

// Gives freed heap memory back to the system. glibc keeps what a burst freed (WebSocket write
// buffers, replay pages read on the store thread, which land in that thread's arena) for
// reuse, so the process stayed hundreds of MB large after its subscribers left. After large
// frees the owner calls released(); a single malloc_trim(0) follows shortly, however many
// frees came in between. Elsewhere than glibc it does nothing.
class MemoryTrimmer : public QObject
{
    Q_OBJECT
public:
    explicit MemoryTrimmer(QObject *parent = nullptr);

    // `bytes` were freed (or are about to be); trims once enough has been freed.
    void released(qint64 bytes);
    qint64 trims() const { return m_trims; }

private:
    void trim();

    QTimer m_timer;
    qint64 m_pending = 0;
    qint64 m_trims = 0;
};

} // namespace Countersign
