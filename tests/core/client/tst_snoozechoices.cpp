#include "client/snoozechoices.h"

#include <QTest>

using namespace Countersign;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 3, 28), QTime(22, 30), QTimeZone::UTC);

Action pending(const QDateTime &expiresAt = {})
{
    Action a;
    a.id = QStringLiteral("a1");
    a.state = ActionState::Pending;
    a.expiresAt = expiresAt;
    return a;
}

} // namespace

class TestSnoozeChoices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedChoices()
    {
        QCOMPARE(SnoozeChoices::until(SnoozeChoices::Choice::FifteenMinutes, Now), Now.addSecs(900));
        QCOMPARE(SnoozeChoices::until(SnoozeChoices::Choice::OneHour, Now), Now.addSecs(3600));
    }

    // Tomorrow is the reviewer's tomorrow, at 09:00 of its own offset: in Berlin 22:30 UTC is
    // 23:30 on the 28th (+01:00), and 09:00 on the 29th comes after the switch to summer time
    // (+02:00) that night.
    void tomorrowMorningIsLocal()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        if (!berlin.isValid())
            QSKIP("no time zone data for Europe/Berlin");
        const QDateTime berlinMorning = SnoozeChoices::until(SnoozeChoices::Choice::TomorrowMorning, Now, berlin);
        QCOMPARE(berlinMorning, QDateTime(QDate(2026, 3, 29), QTime(7, 0), QTimeZone::UTC));
        const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
        if (!newYork.isValid())
            QSKIP("no time zone data for America/New_York");
        // 18:30 on the 28th in New York (-04:00): tomorrow is the 29th.
        QCOMPARE(SnoozeChoices::until(SnoozeChoices::Choice::TomorrowMorning, Now, newYork),
            QDateTime(QDate(2026, 3, 29), QTime(13, 0), QTimeZone::UTC));
        QCOMPARE(SnoozeChoices::until(SnoozeChoices::Choice::TomorrowMorning, Now, QTimeZone::UTC),
            QDateTime(QDate(2026, 3, 29), QTime(9, 0), QTimeZone::UTC));
    }

    void boundsFollowTheServer()
    {
        const Action open = pending();
        QCOMPARE(SnoozeChoices::latest(open, Now), Now.addDays(7));
        QVERIFY(SnoozeChoices::allowed(open, Now.addDays(7), Now));
        QVERIFY(!SnoozeChoices::allowed(open, Now.addDays(7).addSecs(1), Now));
        QVERIFY(!SnoozeChoices::allowed(open, Now, Now));
        QVERIFY(!SnoozeChoices::allowed(open, QDateTime(), Now));

        const Action soon = pending(Now.addSecs(1800));
        QCOMPARE(SnoozeChoices::latest(soon, Now), Now.addSecs(1800));
        QVERIFY(SnoozeChoices::allowed(soon, Now.addSecs(900), Now));
        QVERIFY(!SnoozeChoices::allowed(soon, Now.addSecs(3600), Now));

        Action decided = pending();
        decided.state = ActionState::Approved;
        QVERIFY(!SnoozeChoices::allowed(decided, Now.addSecs(900), Now));
    }
};

QTEST_GUILESS_MAIN(TestSnoozeChoices)
#include "tst_snoozechoices.moc"
