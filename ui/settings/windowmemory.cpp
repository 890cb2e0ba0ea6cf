#include "windowmemory.h"

namespace Countersign {

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QByteArray WindowMemory::geometry() const
{
    return m_settings.value(key("mainWindow/geometry")).toByteArray();
}

QByteArray WindowMemory::state() const
{
    return m_settings.value(key("mainWindow/state")).toByteArray();
}

QByteArray WindowMemory::splitter() const
{
    return m_settings.value(key("mainWindow/splitter")).toByteArray();
}

bool WindowMemory::hasGeometry() const
{
    return m_settings.contains(key("mainWindow/geometry"));
}

void WindowMemory::setLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &splitter)
{
    m_settings.setValue(key("mainWindow/geometry"), geometry);
    m_settings.setValue(key("mainWindow/state"), state);
    if (!splitter.isEmpty())
        m_settings.setValue(key("mainWindow/splitter"), splitter);
}

QByteArray WindowMemory::queueColumns(int layoutVersion) const
{
    if (m_settings.value(key("queue/columnsVersion")).toInt() != layoutVersion)
        return {};
    return m_settings.value(key("queue/columns")).toByteArray();
}

void WindowMemory::setQueueColumns(const QByteArray &state, int layoutVersion)
{
    m_settings.setValue(key("queue/columns"), state);
    m_settings.setValue(key("queue/columnsVersion"), layoutVersion);
}

QStringList WindowMemory::recentReasons() const
{
    return m_settings.value(key("review/recentReasons")).toStringList();
}

QStringList WindowMemory::rememberReason(const QString &reason)
{
    QStringList reasons = recentReasons();
    reasons.removeAll(reason);
    reasons.prepend(reason);
    while (reasons.size() > MaxRecentReasons)
        reasons.removeLast();
    m_settings.setValue(key("review/recentReasons"), reasons);
    return reasons;
}

} // namespace Countersign
