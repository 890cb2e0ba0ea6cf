#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace Countersign {

// What the reviewer app remembers between runs that is not a preference (AppSettings holds
// those): the main window's geometry, its dock and splitter layout, and the last rejection
// reasons, the queue's columns. One place for the keys, so a rename cannot leave half of them behind.
class WindowMemory
{
public:
    static constexpr int MaxRecentReasons = 10;

    QByteArray geometry() const;
    QByteArray state() const;
    QByteArray splitter() const;
    bool hasGeometry() const;
    // Everything the window's layout is made of, written together when it closes.
    void setLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &splitter);

    // The queue header's columns (order, widths, hidden, sort), valid only for the layout
    // version that wrote them: empty after an upgrade that changed the columns.
    QByteArray queueColumns(int layoutVersion) const;
    void setQueueColumns(const QByteArray &state, int layoutVersion);

    QStringList recentReasons() const;
    // Puts the reason first, once, keeping the latest MaxRecentReasons; returns the new list.
    QStringList rememberReason(const QString &reason);

private:
    QSettings m_settings;
};

} // namespace Countersign
