#include "memorytrimmer.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Countersign {

namespace {

constexpr qint64 TrimAfterBytes = 4 * 1024 * 1024;
constexpr int TrimDelayMs = 200; // frees of one burst are trimmed together

} // namespace

MemoryTrimmer::MemoryTrimmer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(TrimDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &MemoryTrimmer::trim);
}

void MemoryTrimmer::released(qint64 bytes)
{
    m_pending += qMax<qint64>(0, bytes);
    if (m_pending >= TrimAfterBytes && !m_timer.isActive())
        m_timer.start();
}

void MemoryTrimmer::trim()
{
    m_pending = 0;
    ++m_trims;
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace Countersign
