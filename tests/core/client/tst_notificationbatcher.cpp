#include "client/notificationbatcher.h"
#include "domain/manualclock.h"

#include <QSignalSpy>
#include <QTest>

using namespace Countersign;

// The batcher decides which desktop notifications to show and when, on a manual clock: at
// most one per window, bursts summed up, the rules ("Notify for") applied, nothing stale.
class TestNotificationBatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void singleItemAfterAMoment();
    void burstBecomesOne();
    void atMostOnePerWindow();
    void decidedMeanwhileIsDropped();
    void mixedKinds();
    void escalatedOnly();
    void myCategories();
    void kindsSwitchedOff();
    void newRulesDropWhatTheyExclude();
    void activeAppHearsOnlyEscalations();
    void deadlineReportedOnce();

private:
    static Action item(const QString &id, const QString &category = QStringLiteral("support"))
    {
        Action a;
        a.id = id;
        a.category = category;
        a.title = QStringLiteral("Reply %1").arg(id);
        return a;
    }
    // Moves the clock and polls, as the main window's one-second tick does.
    void pass(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            m_clock->advance(1000);
            m_batcher->poll();
        }
    }
    QString title(int i) const { return m_shown->at(i).at(0).toString(); }
    QString message(int i) const { return m_shown->at(i).at(1).toString(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<NotificationBatcher> m_batcher;
    std::unique_ptr<QSignalSpy> m_shown;
};

void TestNotificationBatcher::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_batcher = std::make_unique<NotificationBatcher>(*m_clock);
    m_shown = std::make_unique<QSignalSpy>(m_batcher.get(), &NotificationBatcher::notification);
    QCOMPARE(m_batcher->windowSeconds(), 10);
}

void TestNotificationBatcher::cleanup()
{
    m_shown.reset();
    m_batcher.reset();
    m_clock.reset();
}

void TestNotificationBatcher::singleItemAfterAMoment()
{
    m_batcher->actionCreated(item(QStringLiteral("a")));
    m_batcher->poll();
    QCOMPARE(m_shown->count(), 0); // a burst may still be arriving
    pass(NotificationBatcher::GatherSeconds);
    QCOMPARE(m_shown->count(), 1);
    QCOMPARE(title(0), QStringLiteral("New item to review"));
    QCOMPARE(message(0), QStringLiteral("support · Reply a"));
    QCOMPARE(m_batcher->waiting(), 0);
    pass(30);
    QCOMPARE(m_shown->count(), 1);
}

void TestNotificationBatcher::burstBecomesOne()
{
    for (int i = 1; i <= 5; ++i)
        m_batcher->actionCreated(item(QString::number(i)));
    m_batcher->actionCreated(item(QStringLiteral("1"))); // the same item twice counts once
    pass(NotificationBatcher::GatherSeconds);
    QCOMPARE(m_shown->count(), 1);
    // Without the English catalogue the plural reads "item(s)"; the app shows "items".
    QVERIFY2(title(0).startsWith(QLatin1String("5 new item")), qPrintable(title(0)));
    QCOMPARE(message(0).split(u'\n').mid(0, 3),
        QStringList({QStringLiteral("Reply 1"), QStringLiteral("Reply 2"), QStringLiteral("Reply 3")}));
    QVERIFY2(message(0).split(u'\n').value(3).startsWith(QLatin1String("and 2 more")), qPrintable(message(0)));
}

void TestNotificationBatcher::atMostOnePerWindow()
{
    m_batcher->actionCreated(item(QStringLiteral("a")));
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    // Items keep coming, one every second: they wait for the window to end, then come as one.
    for (int i = 0; i < 7; ++i) {
        m_batcher->actionCreated(item(QStringLiteral("b%1").arg(i)));
        pass(1);
    }
    QCOMPARE(m_shown->count(), 1);
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    pass(1); // ten seconds after the first
    QCOMPARE(m_shown->count(), 2);
    QVERIFY2(title(1).startsWith(QLatin1String("7 new item")), qPrintable(title(1)));
    // One more straight after: the next window again.
    m_batcher->actionCreated(item(QStringLiteral("c")));
    pass(9);
    QCOMPARE(m_shown->count(), 2);
    pass(1);
    QCOMPARE(m_shown->count(), 3);
    QCOMPARE(message(2), QStringLiteral("support · Reply c"));
}

void TestNotificationBatcher::decidedMeanwhileIsDropped()
{
    m_batcher->actionCreated(item(QStringLiteral("a")));
    m_batcher->actionCreated(item(QStringLiteral("b")));
    m_batcher->actionGone(QStringLiteral("a"));
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    QCOMPARE(title(0), QStringLiteral("New item to review"));
    QCOMPARE(message(0), QStringLiteral("support · Reply b"));
    // All gone: nothing to show.
    m_batcher->actionCreated(item(QStringLiteral("c")));
    m_batcher->actionGone(QStringLiteral("c"));
    pass(20);
    QCOMPARE(m_shown->count(), 1);
}

void TestNotificationBatcher::mixedKinds()
{
    m_batcher->actionCreated(item(QStringLiteral("a")));
    m_batcher->actionCreated(item(QStringLiteral("b")));
    Action late = item(QStringLiteral("c"));
    late.escalated = true;
    m_batcher->actionEscalated(late);
    m_batcher->deadlineMissed(late);
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    QVERIFY2(title(0).startsWith(QLatin1String("3 item")), qPrintable(title(0))); // three items, not four
    const QStringList lines = message(0).split(u'\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("2 new item")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("1 item")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(QLatin1String("deadline")), qPrintable(lines.at(2)));
}

void TestNotificationBatcher::escalatedOnly()
{
    NotificationRules rules;
    rules.scope = NotificationRules::Scope::EscalatedOnly;
    m_batcher->setRules(rules);
    m_batcher->actionCreated(item(QStringLiteral("a")));
    pass(20);
    QCOMPARE(m_shown->count(), 0);
    Action escalated = item(QStringLiteral("b"));
    escalated.escalated = true;
    m_batcher->actionEscalated(escalated);
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    QCOMPARE(title(0), QStringLiteral("Item escalated"));
    QCOMPARE(message(0), QStringLiteral("“Reply b” passed its SLA."));
    m_batcher->deadlineMissed(item(QStringLiteral("c")));
    pass(10);
    QCOMPARE(m_shown->count(), 2);
    QCOMPARE(title(1), QStringLiteral("SLA missed"));
}

void TestNotificationBatcher::myCategories()
{
    NotificationRules rules;
    rules.scope = NotificationRules::Scope::MyCategories;
    rules.categories = {QStringLiteral("billing")};
    m_batcher->setRules(rules);
    m_batcher->actionCreated(item(QStringLiteral("a"), QStringLiteral("support")));
    Action other = item(QStringLiteral("b"), QStringLiteral("support"));
    other.escalated = true;
    m_batcher->actionEscalated(other);
    m_batcher->deadlineMissed(other);
    pass(20);
    QCOMPARE(m_shown->count(), 0);
    m_batcher->actionCreated(item(QStringLiteral("c"), QStringLiteral("billing")));
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    QCOMPARE(message(0), QStringLiteral("billing · Reply c"));
    // No category chosen: all of them.
    rules.categories.clear();
    m_batcher->setRules(rules);
    m_batcher->actionCreated(item(QStringLiteral("d"), QStringLiteral("support")));
    pass(10);
    QCOMPARE(m_shown->count(), 2);
}

void TestNotificationBatcher::kindsSwitchedOff()
{
    NotificationRules rules;
    rules.newItems = false;
    rules.escalations = false;
    rules.slaBreaches = false;
    m_batcher->setRules(rules);
    Action a = item(QStringLiteral("a"));
    a.escalated = true;
    m_batcher->actionCreated(a);
    m_batcher->actionEscalated(a);
    m_batcher->deadlineMissed(a);
    pass(20);
    QCOMPARE(m_shown->count(), 0);
    QCOMPARE(m_batcher->waiting(), 0);
}

void TestNotificationBatcher::newRulesDropWhatTheyExclude()
{
    m_batcher->actionCreated(item(QStringLiteral("a"), QStringLiteral("support")));
    m_batcher->actionCreated(item(QStringLiteral("b"), QStringLiteral("billing")));
    QCOMPARE(m_batcher->waiting(), 2);
    NotificationRules rules;
    rules.scope = NotificationRules::Scope::MyCategories;
    rules.categories = {QStringLiteral("billing")};
    m_batcher->setRules(rules);
    QCOMPARE(m_batcher->waiting(), 1);
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    QCOMPARE(message(0), QStringLiteral("billing · Reply b"));
}

void TestNotificationBatcher::activeAppHearsOnlyEscalations()
{
    m_batcher->setAppActive(true);
    m_batcher->actionCreated(item(QStringLiteral("a")));
    Action late = item(QStringLiteral("b"));
    late.escalated = true;
    m_batcher->actionEscalated(late);
    pass(2);
    QCOMPARE(m_shown->count(), 1);
    QCOMPARE(title(0), QStringLiteral("Item escalated"));
    // Decided items are not escalated any more.
    Action decided = item(QStringLiteral("c"));
    decided.state = ActionState::Approved;
    m_batcher->actionEscalated(decided);
    m_batcher->setAppActive(false);
    m_batcher->actionCreated(decided);
    pass(20);
    QCOMPARE(m_shown->count(), 1);
}

void TestNotificationBatcher::deadlineReportedOnce()
{
    // The main window reports every overdue item on each tick: each is shown once.
    const Action a = item(QStringLiteral("a"));
    const Action b = item(QStringLiteral("b"));
    for (int tick = 0; tick < 30; ++tick) {
        m_batcher->deadlineMissed(a);
        if (tick >= 15)
            m_batcher->deadlineMissed(b);
        pass(1);
    }
    QCOMPARE(m_shown->count(), 2);
    QCOMPARE(message(0), QStringLiteral("“Reply a” is past its review deadline."));
    QCOMPARE(message(1), QStringLiteral("“Reply b” is past its review deadline."));
}

QTEST_GUILESS_MAIN(TestNotificationBatcher)
#include "tst_notificationbatcher.moc"
