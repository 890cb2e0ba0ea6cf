#include "history/decisionhistory.h"
#include "history/decisionoutbox.h"
#include "history/editdrafts.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

OutboxItem item(const QString &actionId, const QString &server = QStringLiteral("http://a.example"))
{
    OutboxItem i;
    i.created = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::UTC);
    i.notBefore = i.created.addSecs(5);
    i.server = server;
    i.reviewer = QStringLiteral("rita");
    i.decision.outcome = Outcome::Reject;
    i.decision.reason = QStringLiteral("Tone is too informal");
    i.snapshot.id = actionId;
    i.snapshot.type = QStringLiteral("email.send_external");
    i.snapshot.title = QStringLiteral("Reply to %1").arg(actionId);
    i.snapshot.category = QStringLiteral("communications");
    i.snapshot.agent = QStringLiteral("bot");
    i.snapshot.createdAt = i.created;
    i.snapshot.payload = Payload{QStringLiteral("Dear customer"), QStringLiteral("markdown")};
    return i;
}

} // namespace

// The outbox is durable and ordered, and a decision leaves it only together with its history
// entry; edits kept per item survive a reopen.
class TestDecisionOutbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString freshPath() { return m_dir.filePath(QStringLiteral("h%1.db").arg(++m_n)); }
    int m_n = 0;

private Q_SLOTS:
    void keepsOrderAndSurvivesReopening()
    {
        const QString path = freshPath();
        {
            DecisionHistory history(path);
            QVERIFY(history.open());
            DecisionOutbox outbox(&history);
            QVERIFY(outbox.add(item(QStringLiteral("a1"))));
            QVERIFY(outbox.add(item(QStringLiteral("b1"), QStringLiteral("http://b.example"))));
            QVERIFY(outbox.add(item(QStringLiteral("a2"))));
        }
        DecisionHistory history(path);
        QVERIFY(history.open());
        DecisionOutbox outbox(&history);
        QCOMPARE(outbox.count().value(), 3);
        QCOMPARE(outbox.count(QStringLiteral("http://a.example")).value(), 2);
        const auto items = outbox.items(QStringLiteral("http://a.example"));
        QVERIFY(items);
        QCOMPARE(items->size(), 2);
        QCOMPARE(items->at(0).snapshot.id, QStringLiteral("a1"));
        QCOMPARE(items->at(1).snapshot.id, QStringLiteral("a2"));
        QCOMPARE(items->at(0).decision.outcome, Outcome::Reject);
        QCOMPARE(items->at(0).decision.reason, QStringLiteral("Tone is too informal"));
        QCOMPARE(items->at(0).reviewer, QStringLiteral("rita"));
        QCOMPARE(items->at(0).snapshot.payload.content, QStringLiteral("Dear customer"));
        QCOMPARE(items->at(0).notBefore, item(QStringLiteral("x")).notBefore);

        QVERIFY(outbox.noteAttempt(items->at(0).id, QStringLiteral("Connection refused")));
        QVERIFY(outbox.setNotBefore(items->at(1).id, items->at(1).created));
        const auto again = outbox.items(QStringLiteral("http://a.example"));
        QCOMPARE(again->at(0).attempts, 1);
        QCOMPARE(again->at(0).lastError, QStringLiteral("Connection refused"));
        QCOMPARE(again->at(1).notBefore, items->at(1).created);
        QVERIFY(outbox.remove(items->at(0).id));
        QCOMPARE(outbox.count().value(), 2);
    }

    void settlingMovesTheDecisionIntoTheHistoryAtOnce()
    {
        DecisionHistory history(freshPath());
        QVERIFY(history.open());
        DecisionOutbox outbox(&history);
        const auto id = outbox.add(item(QStringLiteral("a1")));
        QVERIFY(id);
        HistoryEntry e;
        e.actionId = QStringLiteral("a1");
        e.outcome = QStringLiteral("reject");
        e.serverAccepted = false;
        e.serverAnswer = QStringLiteral("The action was already decided by bob.");
        QVERIFY(history.record(e, *id));
        QCOMPARE(outbox.count().value(), 0);
        QCOMPARE(history.count({}).value(), 1);
        const auto verified = history.verify();
        QVERIFY(verified);
        QVERIFY(verified->ok);
        QCOMPARE(history.entries({})->first().serverAnswer, e.serverAnswer);
    }

    void editsAreKeptPerItemAndServer()
    {
        const QString path = freshPath();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            DecisionHistory history(path);
            QVERIFY(history.open());
            EditDrafts drafts(&history);
            QVERIFY(drafts.save(QStringLiteral("http://a"), QStringLiteral("x"), QStringLiteral("first"), now));
            QVERIFY(drafts.save(QStringLiteral("http://a"), QStringLiteral("x"), QStringLiteral("second"), now));
            QVERIFY(drafts.save(QStringLiteral("http://b"), QStringLiteral("x"), QStringLiteral("other"), now));
        }
        DecisionHistory history(path);
        QVERIFY(history.open());
        EditDrafts drafts(&history);
        QCOMPARE(drafts.load(QStringLiteral("http://a"), QStringLiteral("x"))->value(), QStringLiteral("second"));
        QCOMPARE(drafts.load(QStringLiteral("http://b"), QStringLiteral("x"))->value(), QStringLiteral("other"));
        QVERIFY(!drafts.load(QStringLiteral("http://a"), QStringLiteral("y"))->has_value());
        QCOMPARE(drafts.actionIds(QStringLiteral("http://a")).value(), QStringList{QStringLiteral("x")});
        QVERIFY(drafts.remove(QStringLiteral("http://a"), QStringLiteral("x")));
        QVERIFY(!drafts.load(QStringLiteral("http://a"), QStringLiteral("x"))->has_value());
    }
};

QTEST_GUILESS_MAIN(TestDecisionOutbox)
#include "tst_decisionoutbox.moc"
