// Issue 25: the report window's Proposals tab against a real server on loopback. The list shows
// proposals drafted over the API, selecting one replays it over a seeded history with known
// outcomes, an admin applies after a confirmation that shows the numbers again (the policy on
// the server changes), or rejects with a reason; a lead only reads.
#include "client/serverconnection.h"
#include "domain/clock.h"
#include "i18n/translations.h"
#include "report/actiondetaildialog.h"
#include "report/applyproposaldialog.h"
#include "report/proposallistmodel.h"
#include "report/proposalspanel.h"
#include "report/quarterlyreviewpanel.h"
#include "report/reportwindow.h"
#include "report/simulationtablemodel.h"
#include "report/whatifpanel.h"
#include "reportseeding.h"
#include "review/reviewpane.h"
#include "server/queueserver.h"
#include "server/role.h"
#include "server/serverconfig.h"
#include "testresult.h"
#include "widgets/noticelabel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Countersign;

namespace {

// A lead's connection whose simulations fail: the quarterly review must still come out.
class NoSimulationConnection : public ServerConnection
{
public:
    QFuture<Result<QJsonObject>> sendJson(const QByteArray &verb, const QString &path, const QJsonObject &body) override
    {
        if (path == QLatin1String("/v1/policy/simulate"))
            return QtFuture::makeReadyValueFuture(
                Result<QJsonObject>(fail(Error::unavailable(QStringLiteral("simulation switched off")))));
        return ServerConnection::sendJson(verb, path, body);
    }
};

QString quarterlyText(ServerConnection *connection)
{
    QuarterlyReviewPanel panel(connection);
    const auto [year, quarter] = QuarterlyReviewPanel::quarterOf(QDateTime::currentDateTimeUtc().date());
    panel.setQuarter(year, quarter);
    QSignalSpy generated(&panel, &QuarterlyReviewPanel::generated);
    panel.generate();
    if (!generated.wait(30000) && generated.isEmpty())
        return {};
    return panel.findChild<QTextBrowser *>(QStringLiteral("quarterlyPreview"))->toPlainText();
}

} // namespace

class TestProposalsPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<QueueServer> m_server;
    std::unique_ptr<ServerConnection> m_agent;
    std::unique_ptr<ServerConnection> m_reviewer;
    std::unique_ptr<ServerConnection> m_lead;
    std::unique_ptr<ServerConnection> m_admin;
    QString m_promoteId; // email.send_external → auto: 3 modified, 2 rejected, 5 approved
    QString m_otherId; // chat.post_status → auto: nothing happened to it

    std::unique_ptr<ServerConnection> connectAs(Role role, const QString &name)
    {
        return Test::connectAs(*m_server, role, name);
    }

    QString submit(const QString &type, int n)
    {
        return Test::submitSeedAction(*m_agent, type, n, QStringLiteral("seeded by the proposals test"))
            .value(QLatin1String("id"))
            .toString();
    }

    bool decide(const QString &id, Outcome outcome)
    {
        Decision d;
        d.outcome = outcome;
        if (outcome == Outcome::Modify)
            d.payload = Payload{QStringLiteral("edited\n"), QStringLiteral("markdown")};
        if (outcome == Outcome::Reject)
            d.reason = QStringLiteral("not like this");
        const auto r = Test::awaitFinished(m_reviewer->decide(id, d));
        return r.has_value();
    }

    QString propose(const QString &type, const QString &note)
    {
        const QJsonObject body{{QStringLiteral("changes"),
                                   QJsonArray{QJsonObject{{QStringLiteral("type"), type},
                                       {QStringLiteral("tier"), QStringLiteral("auto")}}}},
            {QStringLiteral("note"), note}};
        const auto r = Test::awaitFinished(
            m_lead->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/proposals"), body));
        return r ? r->value(QLatin1String("id")).toString() : QString();
    }

    QJsonObject proposalOnServer(const QString &id)
    {
        const auto r = Test::awaitFinished(m_lead->getJson(QStringLiteral("/v1/policy/proposals")));
        for (const QJsonValue &v : r ? r->value(QLatin1String("items")).toArray() : QJsonArray{}) {
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject();
        }
        return {};
    }

    // A window of this connection, shown, with its proposals listed.
    std::unique_ptr<ReportWindow> openWindow(ServerConnection *connection)
    {
        auto window = std::make_unique<ReportWindow>(connection);
        window->resize(1200, 800);
        window->show();
        ProposalsPanel *panel = window->proposalsPanel();
        window->findChild<QTabWidget *>(QStringLiteral("reportTabs"))->setCurrentWidget(panel);
        if (!QTest::qWaitFor(
                [&] {
                    return panel->model()->rowCount() >= 2;
                },
                20000))
            return {};
        return window;
    }

    static bool waitForWhatIf(WhatIfPanel *panel)
    {
        return QTest::qWaitFor(
            [panel] {
                return !panel->isRunning() && panel->model()->rowCount() > 0;
            },
            20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(*qApp, QLocale(QStringLiteral("en")));
        QVERIFY(m_dir.isValid());
        ServerConfig config;
        config.port = 0; // any free one: tests run in parallel
        config.storeLocation = m_dir.filePath(QStringLiteral("server.db"));
        m_server = std::make_unique<QueueServer>(config, m_clock);
        CS_VERIFY_OK(m_server->start());
        m_agent = connectAs(Role::Agent, QStringLiteral("support-bot"));
        m_reviewer = connectAs(Role::Reviewer, QStringLiteral("rita"));
        m_lead = connectAs(Role::Lead, QStringLiteral("lena"));
        m_admin = connectAs(Role::Admin, QStringLiteral("ada"));
        QVERIFY(m_agent && m_reviewer && m_lead && m_admin);
        // Ten external mails, every outcome known: 5 approved, 3 modified, 2 rejected.
        for (int i = 0; i < 10; ++i) {
            const QString id = submit(QStringLiteral("email.send_external"), i);
            QVERIFY(!id.isEmpty());
            QVERIFY(decide(id, i < 5 ? Outcome::Approve : i < 8 ? Outcome::Modify : Outcome::Reject));
        }
        // A type that meets the bar for auto-approval (200 reviewed, 98 %, no rejection among the
        // newest 50), though reviewers rejected 2 and edited 2 of its actions first.
        for (int i = 0; i < 4; ++i)
            QVERIFY(decide(submit(QStringLiteral("code.merge_patch"), i), i < 2 ? Outcome::Reject : Outcome::Modify));
        QStringList ids;
        for (int i = 0; i < 200; ++i)
            ids.append(submit(QStringLiteral("code.merge_patch"), 100 + i));
        QVERIFY(Test::awaitFinished(m_reviewer->decideBatch(ids, Outcome::Approve, {})));
        m_otherId = propose(QStringLiteral("chat.post_status"), QStringLiteral("status posts are harmless"));
        m_promoteId = propose(QStringLiteral("email.send_external"), QStringLiteral("mostly approved"));
        QVERIFY(!m_otherId.isEmpty() && !m_promoteId.isEmpty());
    }

    void modelPassesTheTester()
    {
        ProposalListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PolicyProposal a;
        a.id = QStringLiteral("p-1");
        a.createdBy = QStringLiteral("lena");
        a.createdAt = QDateTime::currentDateTimeUtc();
        a.changes = {PolicyChange{QStringLiteral("refund.issue"), Tier::Auto},
            PolicyChange{QStringLiteral("crm.merge_contacts"), Tier::Review, QStringLiteral("finance")}};
        PolicyProposal b = a;
        b.id = QStringLiteral("p-2");
        b.state = ProposalState::Rejected;
        b.decidedBy = QStringLiteral("ada");
        b.reason = QStringLiteral("not yet");
        model.setProposals({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfId(QStringLiteral("p-2")), 1);
        QCOMPARE(model.index(0, ProposalListModel::Changes).data().toString(),
            QStringLiteral("refund.issue → Auto-approve; crm.merge_contacts → Review required (in finance)"));
        QCOMPARE(model.index(1, ProposalListModel::State).data().toString(), QStringLiteral("Rejected"));
        QVERIFY(model.index(1, ProposalListModel::State).data(Qt::ToolTipRole).toString().contains(u"not yet"));
        QCOMPARE(model.index(0, 0).data(ProposalListModel::IdRole).toString(), QStringLiteral("p-1"));
        model.setProposals({});
        QCOMPARE(model.rowCount(), 0);
    }

    void leadSeesTheListAndTheWhatIfButNoApply()
    {
        auto window = openWindow(m_lead.get());
        QVERIFY(window);
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("reportTabs"));
        ProposalsPanel *panel = window->proposalsPanel();
        QTRY_VERIFY(tabs->isTabVisible(tabs->indexOf(panel)));
        QCOMPARE(panel->model()->rowCount(), 2);
        // Newest first.
        QCOMPARE(panel->model()->proposal(0).id, m_promoteId);
        QCOMPARE(panel->model()->index(0, ProposalListModel::Changes).data().toString(),
            QStringLiteral("email.send_external → Auto-approve"));
        QCOMPARE(panel->model()->index(0, ProposalListModel::CreatedBy).data().toString(), QStringLiteral("lena"));
        QCOMPARE(panel->model()->index(0, ProposalListModel::State).data().toString(), QStringLiteral("Pending"));

        panel->select(m_promoteId);
        QVERIFY(waitForWhatIf(panel->whatIf()));
        const SimulationReport &report = panel->whatIf()->model()->report();
        QCOMPARE(report.proposalId, m_promoteId);
        QCOMPARE(report.total.toAuto.approved, 5);
        QCOMPARE(report.total.toAuto.modified, 3);
        QCOMPARE(report.total.toAuto.rejected, 2);
        auto *status = panel->whatIf()->findChild<QLabel *>(QStringLiteral("whatIfStatus"));
        QVERIFY2(status->text().contains(QStringLiteral("auto-approved 5 that reviewers rejected or edited")),
            qPrintable(status->text()));

        QVERIFY(!panel->canDecide());
        QTRY_VERIFY(!panel->findChild<QPushButton *>(QStringLiteral("proposalApply"))->isVisible());
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("proposalReject"))->isVisible());
    }

    // An example opens read-only with the review pane's views: the lead reads what the reviewer saw.
    void anExampleOpensReadOnly()
    {
        auto window = openWindow(m_lead.get());
        QVERIFY(window);
        ProposalsPanel *panel = window->proposalsPanel();
        QTRY_COMPARE(panel->model()->rowCount(), 2);
        panel->select(m_promoteId);
        QVERIFY(waitForWhatIf(panel->whatIf()));
        auto *examples = panel->whatIf()->findChild<QListWidget *>(QStringLiteral("whatIfExamples"));
        QCOMPARE(examples->count(), 5); // 2 rejected and 3 modified
        const QString id = examples->item(0)->data(Qt::UserRole).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(examples->item(0)->text().endsWith(id));

        examples->show();
        examples->setCurrentRow(0);
        Q_EMIT examples->itemActivated(examples->item(0)); // what Enter or a double-click sends
        ActionDetailDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->whatIf()->findChild<ActionDetailDialog *>()) != nullptr);
        QTRY_VERIFY(dialog->isLoaded());
        const auto shown = dialog->pane()->action();
        QVERIFY(shown.has_value());
        QCOMPARE(shown->id, id);
        QCOMPARE(shown->type, QStringLiteral("email.send_external"));
        QVERIFY(shown->state != ActionState::Pending);
        for (const char *button : {"approveButton", "modifyButton", "rejectButton"})
            QVERIFY(!dialog->pane()->findChild<QPushButton *>(QLatin1String(button))->isEnabled());
        dialog->close();
        QTRY_VERIFY(!panel->whatIf()->findChild<ActionDetailDialog *>()); // closed dialogs go

        // An id the server does not know: the dialog says so instead of an empty pane.
        panel->whatIf()->openExample(QStringLiteral("no-such-action"));
        ActionDetailDialog *missing = nullptr;
        QTRY_VERIFY((missing = panel->whatIf()->findChild<ActionDetailDialog *>()) != nullptr);
        QTRY_VERIFY(missing->isLoaded());
        QVERIFY(!missing->pane()->isVisibleTo(missing));
        QVERIFY(
            missing->findChild<QLabel *>(QStringLiteral("actionDetailStatus"))->text().contains(u"cannot be shown"));
    }

    void reviewerSeesNoProposalsTab()
    {
        auto reviewer = connectAs(Role::Reviewer, QStringLiteral("ruth"));
        ReportWindow window(reviewer.get());
        window.show();
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("reportTabs"));
        const int index = tabs->indexOf(window.proposalsPanel());
        QTRY_VERIFY(!tabs->isTabVisible(index));
        // Its list answered 403: said in the tab, not a crash.
        auto *notice = window.proposalsPanel()->findChild<NoticeLabel *>(QStringLiteral("proposalsNotice"));
        QTRY_VERIFY(notice->text().contains(QStringLiteral("team leads")));
    }

    void adminAppliesAfterSeeingTheNumbersAgain()
    {
        const auto before = Test::awaitFinished(m_admin->getJson(QStringLiteral("/v1/policy")));
        QVERIFY(before);
        const int versionBefore = before->value(QLatin1String("version")).toInt();

        auto window = openWindow(m_admin.get());
        QVERIFY(window);
        ProposalsPanel *panel = window->proposalsPanel();
        QTRY_VERIFY(panel->canDecide());
        auto *apply = panel->findChild<QPushButton *>(QStringLiteral("proposalApply"));
        QVERIFY(apply->isVisible());
        panel->select(m_promoteId);
        QVERIFY(waitForWhatIf(panel->whatIf()));
        QVERIFY(apply->isEnabled());
        apply->click();

        ApplyProposalDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<ApplyProposalDialog *>(QStringLiteral("applyProposalDialog"))));
        QCOMPARE(dialog->proposal().id, m_promoteId);
        auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("applyConfirm"));
        QVERIFY(!confirm->isEnabled() || !dialog->isSimulating());
        QTRY_VERIFY(!dialog->isSimulating());
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("applyRejectedOrModified"))->text(), QStringLiteral("5"));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("applyProhibitedApproved"))->text(), QStringLiteral("0"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("applyReviewerHours"))->text().startsWith(u"0.0 hours"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("applySummary"))
                ->text()
                .contains(QStringLiteral("auto-approved 5 that reviewers rejected or edited")));
        QVERIFY(confirm->isEnabled());
        confirm->click();

        // The list refreshes with the proposal applied, and the server's policy says so.
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowOfId(m_promoteId) >= 0
                && panel->model()->proposal(panel->model()->rowOfId(m_promoteId)).state == ProposalState::Applied,
            20000);
        QVERIFY(!apply->isEnabled()); // still selected, no longer pending
        QCOMPARE(proposalOnServer(m_promoteId).value(QLatin1String("state")).toString(), QStringLiteral("applied"));
        const auto after = Test::awaitFinished(m_admin->getJson(QStringLiteral("/v1/policy")));
        QVERIFY(after);
        QCOMPARE(after->value(QLatin1String("version")).toInt(), versionBefore + 1);
        const QJsonObject type = after->value(QLatin1String("document"))
                                     .toObject()
                                     .value(QLatin1String("action_types"))
                                     .toObject()
                                     .value(QLatin1String("email.send_external"))
                                     .toObject();
        QCOMPARE(type.value(QLatin1String("tier")).toString(), QStringLiteral("auto"));
    }

    void adminRejectsWithAReason()
    {
        auto window = openWindow(m_admin.get());
        QVERIFY(window);
        ProposalsPanel *panel = window->proposalsPanel();
        QTRY_VERIFY(panel->canDecide());
        panel->select(m_otherId);
        auto *reject = panel->findChild<QPushButton *>(QStringLiteral("proposalReject"));
        QTRY_VERIFY(reject->isEnabled());
        reject->click();
        QInputDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<QInputDialog *>(QStringLiteral("rejectProposalDialog"))));
        dialog->setTextValue(QStringLiteral("status posts go to the wrong channel"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->model()->proposal(panel->model()->rowOfId(m_otherId)).state == ProposalState::Rejected, 20000);
        const QJsonObject onServer = proposalOnServer(m_otherId);
        QCOMPARE(onServer.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QCOMPARE(
            onServer.value(QLatin1String("reason")).toString(), QStringLiteral("status posts go to the wrong channel"));
        QVERIFY(!reject->isEnabled()); // decided: nothing left to reject
    }

    void anApplyTheServerRefusesIsShownInTheTab()
    {
        const QString id = propose(QStringLiteral("invoice.void"), QStringLiteral("decided twice"));
        QVERIFY(!id.isEmpty());
        auto window = openWindow(m_admin.get());
        QVERIFY(window);
        ProposalsPanel *panel = window->proposalsPanel();
        QTRY_VERIFY(panel->model()->rowOfId(id) >= 0);
        QTRY_VERIFY(panel->canDecide());
        panel->select(id);
        // Another admin rejects it meanwhile.
        QVERIFY(Test::awaitFinished(
            m_admin->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/proposals/%1/reject").arg(id),
                QJsonObject{{QStringLiteral("reason"), QStringLiteral("someone else was quicker")}})));
        panel->findChild<QPushButton *>(QStringLiteral("proposalApply"))->click();
        ApplyProposalDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<ApplyProposalDialog *>(QStringLiteral("applyProposalDialog"))));
        QTRY_VERIFY(!dialog->isSimulating());
        dialog->findChild<QPushButton *>(QStringLiteral("applyConfirm"))->click();
        auto *notice = panel->findChild<NoticeLabel *>(QStringLiteral("proposalsNotice"));
        QTRY_VERIFY(notice->text().startsWith(QStringLiteral("The proposal was not applied")));
        QCOMPARE(notice->kind(), NoticeLabel::Kind::Error);
        QCOMPARE(proposalOnServer(id).value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    }

    void quarterlyReviewHasTheWhatIfLine()
    {
        const QString text = quarterlyText(m_lead.get());
        QVERIFY2(text.contains(QStringLiteral("code.merge_patch")), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("What if: would have auto-approved 4 that reviewers rejected or edited.")),
            qPrintable(text));

        NoSimulationConnection failing;
        failing.setServer(
            m_server->baseUrl(), QString::fromUtf8(*m_server->issueToken(Role::Lead, QStringLiteral("lou"))));
        const QString without = quarterlyText(&failing);
        QVERIFY2(without.contains(QStringLiteral("code.merge_patch")), qPrintable(without));
        QVERIFY2(without.contains(QStringLiteral("What if: could not be computed.")), qPrintable(without));
    }

    void cleanupTestCase()
    {
        QSignalSpy stopped(m_server.get(), &QueueServer::stopped);
        m_server->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() > 0, 15000);
    }
};

QTEST_MAIN(TestProposalsPanel)
#include "tst_proposalspanel.moc"
