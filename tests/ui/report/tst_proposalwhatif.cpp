// The "What if" section of the Draft Policy Change dialog, offscreen: progress while the
// simulation runs, the table by type, the chart and examples once it answers, errors in place.
// With COUNTERSIGN_SCREENSHOT_DIR set it saves proposal-whatif.png there (docs/screenshots/).
#include "i18n/translations.h"
#include "report/proposaldialog.h"
#include "report/simulationtablemodel.h"
#include "report/whatifpanel.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace Countersign;

namespace {

Recommendation promoteRefunds()
{
    Recommendation r;
    r.id = QStringLiteral("promote:refund.issue");
    r.kind = RecommendationKind::Promote;
    r.type = QStringLiteral("refund.issue");
    r.summary = QStringLiteral("refund.issue: 98.4 % of 250 reviews approved unchanged");
    r.proposedChanges = {PolicyChange{QStringLiteral("refund.issue"), Tier::Auto}};
    return r;
}

SimulationReport knownReport()
{
    SimulationReport r;
    r.from = QDateTime(QDate(2026, 9, 5), QTime(0, 0), QTimeZone::UTC);
    r.to = QDateTime(QDate(2026, 12, 4), QTime(0, 0), QTimeZone::UTC);
    r.currentVersion = 4;
    r.proposedVersion = 5;
    SimulationGroup refund;
    refund.type = QStringLiteral("refund.issue");
    refund.category = QStringLiteral("finance");
    refund.actions = 250;
    refund.moves[1][0] = 250;
    refund.toAuto.approved = 240;
    refund.toAuto.modified = 6;
    refund.toAuto.rejected = 3;
    refund.toAuto.expired = 1;
    refund.toAuto.rejectedExamples = {QStringLiteral("act-r1"), QStringLiteral("act-r2"), QStringLiteral("act-r3")};
    refund.toAuto.modifiedExamples = {QStringLiteral("act-m1")};
    SimulationGroup mail;
    mail.type = QStringLiteral("email.send_external");
    mail.category = QStringLiteral("communications");
    mail.actions = 120;
    mail.moves[1][1] = 120;
    r.types = {mail, refund};
    r.total = refund;
    r.total.type.clear();
    r.total.actions = 370;
    r.total.moves[1][1] = 120;
    return r;
}

QString cell(const SimulationTableModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestProposalWhatIf : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Translations::install(*qApp, QLocale(QStringLiteral("en"))); }

    void showsProgressThenTheTable()
    {
        ProposalDialog dialog(promoteRefunds());
        dialog.resize(1080, 760);
        auto promise = std::make_shared<QPromise<Result<SimulationReport>>>();
        QList<PolicyChange> asked;
        dialog.setSimulator([&asked, promise](const QList<PolicyChange> &changes) {
            asked = changes;
            promise->start();
            return promise->future();
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(asked, dialog.changes());
        WhatIfPanel *panel = dialog.whatIf();
        QVERIFY(panel->isRunning());
        auto *progress = panel->findChild<QProgressBar *>(QStringLiteral("whatIfProgress"));
        auto *run = panel->findChild<QPushButton *>(QStringLiteral("whatIfRun"));
        QVERIFY(progress->isVisible());
        QVERIFY(!run->isEnabled());

        promise->addResult(knownReport());
        promise->finish();
        QTRY_VERIFY(!panel->isRunning());
        QVERIFY(!progress->isVisible());
        QVERIFY(run->isEnabled());
        auto *table = panel->findChild<QTableView *>(QStringLiteral("whatIfTable"));
        QVERIFY(table->isVisible());
        const SimulationTableModel *model = panel->model();
        QCOMPARE(model->rowCount(), 3); // two types and the total
        QCOMPARE(cell(model, 1, SimulationTableModel::Type), QStringLiteral("refund.issue"));
        QCOMPARE(cell(model, 1, SimulationTableModel::Moved), QStringLiteral("250"));
        QCOMPARE(cell(model, 1, SimulationTableModel::Rejected), QStringLiteral("3"));
        QCOMPARE(cell(model, 1, SimulationTableModel::Modified), QStringLiteral("6"));
        QCOMPARE(cell(model, 2, SimulationTableModel::Type), SimulationTableModel::tr("Total"));
        QCOMPARE(cell(model, 2, SimulationTableModel::Actions), QLocale().toString(370));
        auto *status = panel->findChild<QLabel *>(QStringLiteral("whatIfStatus"));
        QCOMPARE(status->text(), WhatIfPanel::summary(knownReport()));
        QVERIFY2(status->text().contains(QStringLiteral("auto-approved 9 that reviewers rejected or edited")),
            qPrintable(status->text())); // 3 rejected + 6 modified
        QVERIFY(status->text().startsWith(QStringLiteral("250 actions would have changed tier.")));
        QVERIFY(panel->findChild<QChartView *>(QStringLiteral("whatIfChart"))->isVisible());
        auto *examples = panel->findChild<QListWidget *>(QStringLiteral("whatIfExamples"));
        QCOMPARE(examples->count(), 4);
        QVERIFY(examples->item(0)->text().contains(QStringLiteral("act-r1")));

        const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("proposal-whatif.png"))));
    }

    void showsAnErrorInPlace()
    {
        ProposalDialog dialog(promoteRefunds());
        int calls = 0;
        dialog.setSimulator([&calls](const QList<PolicyChange> &) {
            ++calls;
            return QtFuture::makeReadyValueFuture(
                Result<SimulationReport>(fail(Error::unavailable(QStringLiteral("the server is down")))));
        });
        dialog.show();
        WhatIfPanel *panel = dialog.whatIf();
        QTRY_VERIFY(!panel->isRunning());
        auto *status = panel->findChild<QLabel *>(QStringLiteral("whatIfStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("the server is down")), qPrintable(status->text()));
        QVERIFY(!panel->findChild<QTableView *>(QStringLiteral("whatIfTable"))->isVisible());
        // Running again asks again.
        panel->findChild<QPushButton *>(QStringLiteral("whatIfRun"))->click();
        QTRY_COMPARE(calls, 2);
    }
};

QTEST_MAIN(TestProposalWhatIf)
#include "tst_proposalwhatif.moc"
