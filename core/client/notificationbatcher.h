#pragma once

#include "domain/clock.h"
#include "notificationrules.h"

#include <QDateTime>
#include <QObject>
#include <QSet>

namespace Countersign {

// Decides which desktop notifications to show, and when: at most one per window of some
// seconds, so a burst of new items becomes one "5 new items to review" instead of a balloon per
// item. Events are collected for a moment (GatherSeconds: a burst arrives within it) and shown
// summed up by poll(), the next one no sooner than a window after the last. Items outside the
// rules are dropped, and an item decided meanwhile is no longer counted. No widgets: the main
// window forwards the queue's events and shows what notification() carries.
class NotificationBatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultWindowSeconds = 10;
    static constexpr int GatherSeconds = 2;

    explicit NotificationBatcher(const Clock &clock, QObject *parent = nullptr);
    ~NotificationBatcher() override;

    void setRules(const NotificationRules &rules);
    NotificationRules rules() const { return m_rules; }
    void setWindowSeconds(int seconds);
    int windowSeconds() const { return m_windowSeconds; }
    // While the reviewer looks at the app, new items need no balloon (the queue shows them).
    void setAppActive(bool active) { m_appActive = active; }

    // The queue's events, as they come.
    void actionCreated(const Action &action);
    void actionEscalated(const Action &action);
    // An item's review deadline passed (reported once per item; repeats are ignored).
    void deadlineMissed(const Action &action);
    // The item was decided, withdrawn or expired: no longer worth a notification.
    void actionGone(const QString &id);

    // Shows what was collected once it is due; call at least once a second.
    void poll();
    // Items collected and not yet shown.
    int waiting() const;

Q_SIGNALS:
    void notification(const QString &title, const QString &message);

private:
    // One kind of notification: the items not shown yet, in the order they came.
    struct Bucket {
        QList<Action> items;
    };

    void add(Bucket &bucket, const Action &action);
    bool due() const;
    void show();
    // Up to three titles, then "and N more".
    static QString titles(const QList<Action> &items);

    const Clock &m_clock;
    NotificationRules m_rules;
    int m_windowSeconds = DefaultWindowSeconds;
    bool m_appActive = false;
    QDateTime m_lastShown;
    QDateTime m_firstWaiting; // when the oldest item not shown yet came
    Bucket m_created;
    Bucket m_escalated;
    Bucket m_missed;
    QSet<QString> m_missedBefore; // deadlines already reported, so each item is reported once
};

} // namespace Countersign
