#include "history/decisionhistory.h"
#include "testresult.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace {

HistoryEntry sample(int i)
{
    HistoryEntry e;
    e.time = QDateTime(QDate(2026, 4, 1), QTime(8, 0), QTimeZone::UTC).addSecs(i * 60);
    e.server = QStringLiteral("http://127.0.0.1:8470");
    e.actionId = QStringLiteral("act-%1").arg(i);
    e.actionType = i % 2 ? QStringLiteral("refund.issue") : QStringLiteral("email.send_external");
    e.category = i % 2 ? QStringLiteral("finance") : QStringLiteral("communications");
    e.title = QStringLiteral("Item, \"number\" %1").arg(i);
    e.outcome = i % 3 == 0 ? QStringLiteral("reject") : QStringLiteral("approve");
    e.reason = e.outcome == QLatin1String("reject") ? QStringLiteral("not now") : QString();
    e.reviewer = QStringLiteral("alice");
    e.aiDraft = QStringLiteral("line one\nline two\n");
    e.finalPayload = QStringLiteral("line one\nline 2\n");
    e.serverAccepted = true;
    e.serverAnswer = QStringLiteral("approved");
    return e;
}

// Raw access to the file, as someone tampering with it would have.
void tamper(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &statement : sql.split(u';'))
            QVERIFY2(q.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

} // namespace

class TestDecisionHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordListSearch()
    {
        QTemporaryDir dir;
        DecisionHistory h(dir.filePath(QStringLiteral("history.db")));
        QVERIFY(h.open());
        for (int i = 1; i <= 30; ++i) {
            const auto r = h.record(sample(i));
            CS_VERIFY_OK(r);
            QCOMPARE(*r, qint64(i));
        }

        QCOMPARE(*h.count({}), 30);
        HistoryQuery finance;
        finance.text = QStringLiteral("finance");
        QCOMPARE(*h.count(finance), 15);
        HistoryQuery rejects;
        rejects.outcome = QStringLiteral("reject");
        QCOMPARE(*h.count(rejects), 10);
        HistoryQuery window;
        window.from = sample(10).time;
        window.to = sample(20).time;
        QCOMPARE(*h.count(window), 10);

        const auto page = h.entries(HistoryQuery{{}, {}, {}, {}, 5, 0});
        QVERIFY(page);
        QCOMPARE(page->size(), 5);
        QCOMPARE(page->first().seq, 30); // newest first
        const auto one = h.entry(7);
        QVERIFY(one);
        QCOMPARE(one->title, sample(7).title);
        QCOMPARE(one->finalPayload, sample(7).finalPayload);
        QVERIFY(!h.entry(99));

        const auto v = h.verify();
        QVERIFY(v && v->ok);
        QCOMPARE(v->entries, 30);
    }

    void survivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.db"));
        {
            DecisionHistory h(path);
            QVERIFY(h.open());
            QVERIFY(h.record(sample(1)));
            QVERIFY(h.record(sample(2)));
        }
        DecisionHistory h(path);
        QVERIFY(h.open());
        const auto third = h.record(sample(3));
        QVERIFY(third);
        QCOMPARE(*third, 3);
        QVERIFY(h.verify()->ok);
    }

    // The original a change applies to is kept and signed with the entry; entries written before
    // it was kept (no "original" key in their record) read and verify as they did.
    void theOriginalIsKeptAndOlderEntriesStillVerify()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.db"));
        {
            DecisionHistory h(path);
            QVERIFY(h.open());
            const HistoryEntry old = sample(1); // as entries were written before
            QVERIFY(!old.record().contains(QLatin1String("original")));
            QVERIFY(h.record(old));
            HistoryEntry change = sample(2);
            change.original = QStringLiteral("line one\nline zwei\n");
            QVERIFY(h.record(change));
            HistoryEntry fromSnapshot = sample(4);
            fromSnapshot.actionSnapshot = QJsonObject{{QStringLiteral("payload"),
                QJsonObject{{QStringLiteral("content"), fromSnapshot.aiDraft},
                    {QStringLiteral("original"), QStringLiteral("before\n")}}}};
            QVERIFY(h.record(fromSnapshot));

            QCOMPARE(h.entry(1)->original, std::nullopt);
            QCOMPARE(h.entry(1)->originalText(), std::nullopt);
            QCOMPARE(h.entry(2)->original.value_or(QString()), QStringLiteral("line one\nline zwei\n"));
            QCOMPARE(h.entry(3)->originalText().value_or(QString()), QStringLiteral("before\n"));
            QVERIFY(h.verify()->ok);
        }

        // The original is part of what the hash covers.
        tamper(path, QStringLiteral("UPDATE history SET record = replace(record, 'zwei', 'two') WHERE seq = 2"));
        if (QTest::currentTestFailed())
            return;
        DecisionHistory h(path);
        QVERIFY(h.open());
        const auto v = h.verify();
        QVERIFY(v);
        QVERIFY(!v->ok);
        QCOMPARE(v->firstBadSeq, 2);
    }

    void tamperingIsFound_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("firstBad");
        QTest::newRow("edit record") << QStringLiteral(
            "UPDATE history SET record = replace(record, 'reject', 'approve') WHERE seq = 6")
                                     << qint64(6);
        QTest::newRow("edit column") << QStringLiteral("UPDATE history SET outcome = 'approve' WHERE seq = 9")
                                     << qint64(9);
        QTest::newRow("delete") << QStringLiteral("DELETE FROM history WHERE seq = 4") << qint64(4);
        QTest::newRow("delete last") << QStringLiteral("DELETE FROM history WHERE seq = 12") << qint64(0);
        QTest::newRow("insert") << QStringLiteral(
            "INSERT INTO history SELECT 100, time, action_id, type, category, title, outcome, reason, record,"
            " prev_hash, hash FROM history WHERE seq = 3")
                                << qint64(13);
        QTest::newRow("reorder") << QStringLiteral(
            "UPDATE history SET seq = -1 WHERE seq = 5;UPDATE history SET seq = 5 WHERE seq = 7;"
            "UPDATE history SET seq = 7 WHERE seq = -1")
                                 << qint64(5);
        QTest::newRow("rehash one") << QStringLiteral("UPDATE history SET hash = 'ab' || substr(hash, 3) WHERE seq = 2")
                                    << qint64(2);
    }

    void tamperingIsFound()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, firstBad);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.db"));
        {
            DecisionHistory h(path);
            QVERIFY(h.open());
            for (int i = 1; i <= 12; ++i)
                QVERIFY(h.record(sample(i)));
        }
        tamper(path, sql);
        if (QTest::currentTestFailed())
            return;
        DecisionHistory h(path);
        QVERIFY(h.open());
        const auto v = h.verify();
        QVERIFY(v);
        if (firstBad == 0) {
            // Truncating the tail cannot be seen from the chain alone; the count shows it.
            QVERIFY(v->ok);
            QCOMPARE(v->entries, 11);
        } else {
            QVERIFY(!v->ok);
            QCOMPARE(v->firstBadSeq, firstBad);
            QVERIFY(!v->problem.isEmpty());
        }
    }

    void exports()
    {
        QTemporaryDir dir;
        DecisionHistory h(dir.filePath(QStringLiteral("history.db")));
        QVERIFY(h.open());
        for (int i = 1; i <= 4; ++i)
            QVERIFY(h.record(sample(i)));

        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QVERIFY(h.exportCsv(&csv, {}));
        const QList<QByteArray> lines = csv.data().trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines.at(0).startsWith("seq,time,action_id"));
        QVERIFY(lines.at(1).contains("\"Item, \"\"number\"\" 4\""));

        QBuffer json;
        json.open(QIODevice::WriteOnly);
        QVERIFY(h.exportJson(&json, {}));
        const QJsonArray array = QJsonDocument::fromJson(json.data()).array();
        QCOMPARE(array.size(), 4);
        QCOMPARE(array.at(0).toObject().value(QLatin1String("action_id")).toString(), QStringLiteral("act-4"));
    }
};

QTEST_GUILESS_MAIN(TestDecisionHistory)
#include "tst_decisionhistory.moc"
