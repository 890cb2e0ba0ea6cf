#include "notificationbatcher.h"

#include <algorithm>

namespace Countersign {

namespace {

constexpr int NamedItems = 3; // titles a summary names before "and N more"

} // namespace

NotificationBatcher::NotificationBatcher(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{ }

NotificationBatcher::~NotificationBatcher() = default;

void NotificationBatcher::setRules(const NotificationRules &rules)
{
    m_rules = rules;
    // What is waiting was collected under the old rules: drop what the new ones exclude.
    auto filter = [this](Bucket &bucket, bool wanted, bool pastDeadline) {
        bucket.items.removeIf([&](const Action &a) {
            return !wanted || !m_rules.covers(a, pastDeadline);
        });
    };
    filter(m_created, m_rules.newItems, false);
    filter(m_escalated, m_rules.escalations, true);
    filter(m_missed, m_rules.slaBreaches, true);
}

void NotificationBatcher::setWindowSeconds(int seconds)
{
    m_windowSeconds = std::max(0, seconds);
}

void NotificationBatcher::actionCreated(const Action &action)
{
    if (!m_rules.newItems || m_appActive || action.state != ActionState::Pending || !m_rules.covers(action))
        return;
    add(m_created, action);
}

void NotificationBatcher::actionEscalated(const Action &action)
{
    if (!m_rules.escalations || action.state != ActionState::Pending || !m_rules.covers(action, true))
        return;
    add(m_escalated, action);
}

void NotificationBatcher::deadlineMissed(const Action &action)
{
    if (!m_rules.slaBreaches || m_missedBefore.contains(action.id) || !m_rules.covers(action, true))
        return;
    m_missedBefore.insert(action.id);
    add(m_missed, action);
}

void NotificationBatcher::actionGone(const QString &id)
{
    for (Bucket *bucket : {&m_created, &m_escalated, &m_missed}) {
        bucket->items.removeIf([&id](const Action &a) {
            return a.id == id;
        });
    }
    m_missedBefore.remove(id);
}

void NotificationBatcher::add(Bucket &bucket, const Action &action)
{
    auto same = [&action](const Action &a) {
        return a.id == action.id;
    };
    if (std::ranges::any_of(bucket.items, same))
        return;
    if (waiting() == 0)
        m_firstWaiting = m_clock.now();
    bucket.items.append(action);
}

int NotificationBatcher::waiting() const
{
    return int(m_created.items.size() + m_escalated.items.size() + m_missed.items.size());
}

bool NotificationBatcher::due() const
{
    const QDateTime now = m_clock.now();
    const bool gathered = m_firstWaiting.msecsTo(now) >= qint64(GatherSeconds) * 1000;
    const bool windowOver = !m_lastShown.isValid() || m_lastShown.msecsTo(now) >= qint64(m_windowSeconds) * 1000;
    return gathered && windowOver;
}

void NotificationBatcher::poll()
{
    if (waiting() > 0 && due())
        show();
}

QString NotificationBatcher::titles(const QList<Action> &items)
{
    QStringList lines;
    for (qsizetype i = 0; i < items.size() && i < NamedItems; ++i)
        lines.append(items.at(i).title);
    if (items.size() > NamedItems)
        lines.append(tr("and %n more", nullptr, int(items.size() - NamedItems)));
    return lines.join(u'\n');
}

void NotificationBatcher::show()
{
    const qsizetype created = m_created.items.size();
    const qsizetype escalated = m_escalated.items.size();
    const qsizetype missed = m_missed.items.size();
    const int kinds = int(created > 0) + int(escalated > 0) + int(missed > 0);
    QString title;
    QString message;
    if (kinds > 1) {
        QSet<QString> ids;
        QStringList lines;
        for (const Bucket *bucket : {&m_created, &m_escalated, &m_missed}) {
            for (const Action &a : bucket->items)
                ids.insert(a.id);
        }
        title = tr("%n item(s) need your attention", nullptr, int(ids.size()));
        if (created > 0)
            lines.append(tr("%n new item(s) to review", nullptr, int(created)));
        if (escalated > 0)
            lines.append(tr("%n item(s) escalated", nullptr, int(escalated)));
        if (missed > 0)
            lines.append(tr("%n item(s) past the review deadline", nullptr, int(missed)));
        message = lines.join(u'\n');
    } else if (created == 1) {
        const Action &a = m_created.items.constFirst();
        title = tr("New item to review");
        message = a.category.isEmpty() ? a.title : QStringLiteral("%1 · %2").arg(a.category, a.title);
    } else if (created > 1) {
        title = tr("%n new item(s) to review", nullptr, int(created));
        message = titles(m_created.items);
    } else if (escalated == 1) {
        title = tr("Item escalated");
        message = tr("“%1” passed its SLA.").arg(m_escalated.items.constFirst().title);
    } else if (escalated > 1) {
        title = tr("%n item(s) escalated", nullptr, int(escalated));
        message = titles(m_escalated.items);
    } else if (missed == 1) {
        title = tr("SLA missed");
        message = tr("“%1” is past its review deadline.").arg(m_missed.items.constFirst().title);
    } else if (missed > 1) {
        title = tr("SLA missed");
        message = tr("%n items are past their review deadline.", nullptr, int(missed));
    } else {
        return;
    }
    m_created.items.clear();
    m_escalated.items.clear();
    m_missed.items.clear();
    m_lastShown = m_clock.now();
    Q_EMIT notification(title, message);
}

} // namespace Countersign
