#include "client/queueabsence.h"

#include <QTest>

using namespace Countersign;

// Why a linked action is not in my queue: its state first, then my own snooze (until it ends).
class TestQueueAbsence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reasons()
    {
        const QDateTime now(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::UTC);
        const QString me = QStringLiteral("rita");
        Action a;
        a.state = ActionState::Pending;
        QCOMPARE(QueueAbsence::of(a, me, now), QueueAbsence::Reason::None);
        a.snoozedBy = me;
        a.snoozedUntil = now.addSecs(3600);
        QCOMPARE(QueueAbsence::of(a, me, now), QueueAbsence::Reason::SnoozedByMe);
        // Someone else's snooze does not hide it from me; mine ends at its time.
        QCOMPARE(QueueAbsence::of(a, QStringLiteral("sam"), now), QueueAbsence::Reason::None);
        QCOMPARE(QueueAbsence::of(a, me, now.addSecs(3600)), QueueAbsence::Reason::None);
        a.state = ActionState::Approved;
        QCOMPARE(QueueAbsence::of(a, me, now), QueueAbsence::Reason::Decided);
        a.state = ActionState::Rejected;
        QCOMPARE(QueueAbsence::of(a, me, now), QueueAbsence::Reason::Decided);
        a.state = ActionState::Expired;
        QCOMPARE(QueueAbsence::of(a, me, now), QueueAbsence::Reason::Expired);
        a.state = ActionState::Withdrawn;
        QCOMPARE(QueueAbsence::of(a, me, now), QueueAbsence::Reason::Withdrawn);
    }
};

QTEST_GUILESS_MAIN(TestQueueAbsence)
#include "tst_queueabsence.moc"
