// HistoryModel over a real history file: paged fetching, filtering and finding a decision by
// seq, all under QAbstractItemModelTester like the app's other models.
#include "history/decisionhistory.h"
#include "history/historymodel.h"
#include "testresult.h"

#include <QAbstractItemModelTester>
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
    e.title = QStringLiteral("Item %1").arg(i);
    e.outcome = i % 3 == 0 ? QStringLiteral("reject") : QStringLiteral("approve");
    e.reviewer = QStringLiteral("alice");
    e.aiDraft = QStringLiteral("draft\n");
    e.finalPayload = QStringLiteral("final\n");
    e.serverAccepted = true;
    e.serverAnswer = e.outcome == QLatin1String("reject") ? QStringLiteral("rejected") : QStringLiteral("approved");
    return e;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_history = std::make_unique<DecisionHistory>(m_dir.filePath(QStringLiteral("history.db")));
        CS_VERIFY_OK(m_history->open());
        for (int i = 1; i <= Entries; ++i)
            CS_VERIFY_OK(m_history->record(sample(i)));
    }

    // Without the tester: it fetches on every signal, so it would read every page at once.
    void pagesArriveAsTheViewAsks()
    {
        HistoryModel model(m_history.get());
        model.reload();
        QCOMPARE(model.rowCount(), HistoryModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * HistoryModel::PageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), Entries);
        QVERIFY(!model.canFetchMore({}));
        // Newest first.
        QCOMPARE(model.entry(0).actionId, QStringLiteral("act-%1").arg(Entries));
        QCOMPARE(model.entry(Entries - 1).actionId, QStringLiteral("act-1"));
        QCOMPARE(model.index(0, HistoryModel::TitleColumn).data().toString(), QStringLiteral("Item %1").arg(Entries));
    }

    // Under the tester (which fetches whenever the model signals): resets, pages and lookups
    // keep the model consistent.
    void filtersAndFindsBySeq()
    {
        HistoryModel model(m_history.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryQuery rejects;
        rejects.outcome = QStringLiteral("reject");
        model.setQuery(rejects);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), Entries / 3);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.entry(row).outcome, QStringLiteral("reject"));

        model.setQuery({});
        // The oldest decision is on the last page: finding it fetches the pages before it.
        const int row = model.rowOfSeq(1);
        QCOMPARE(row, Entries - 1);
        QCOMPARE(model.index(row, 0).data(HistoryModel::SeqRole).toLongLong(), 1);
        QCOMPARE(model.rowOfSeq(Entries + 100), -1);
    }

private:
    static constexpr int Entries = 450;
    QTemporaryDir m_dir;
    std::unique_ptr<DecisionHistory> m_history;
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
