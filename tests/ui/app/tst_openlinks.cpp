// Issue 22: countersign:// links open the item in the running app. A second start hands its
// link over the per-user local socket (SingleInstance::forward, here from a worker thread as
// a second process would); LinkOpener selects the action on the window's server and asks before
// anything else. Real widgets offscreen against a real server on loopback.
#include "domain/openlink.h"
#include "mainwindow/linkopener.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/singleinstance.h"
#include "mainwindowsteps.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "report/actiondetaildialog.h"
#include "restartableserver.h"
#include "review/reviewpane.h"
#include "server/role.h"
#include "testresult.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtConcurrent>

using namespace Countersign;
using namespace Countersign::Test;

class TestOpenLinks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RestartableServer m_server;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_ids;

    static QString uniqueName()
    {
        return QStringLiteral("countersign-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    }

    // The read-only dialog a link opened, while it is shown.
    ActionDetailDialog *visibleDetail() const
    {
        const auto dialogs = m_window->findChildren<ActionDetailDialog *>();
        for (ActionDetailDialog *dialog : dialogs) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }

    QString linkTo(const QUrl &server, const QString &id) const
    {
        return OpenLink{server, id}.toUrl().toString(QUrl::FullyEncoded);
    }

    // What a second process does, off the GUI thread so this one can answer.
    static bool forwardFromElsewhere(const QString &name, const QString &link)
    {
        const auto sent = Test::await(QtConcurrent::run([name, link] {
            return SingleInstance::forward(name, link, 5000);
        }),
            10000);
        return sent.value_or(false);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
        for (int i = 0; i < 3; ++i)
            m_ids << m_server.submit(QStringLiteral("Linked item %1").arg(i));
        m_window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("history.db")));
        m_window->show();
        m_window->connectToServer(m_server.url(), m_server.token(Role::Reviewer, QStringLiteral("rita")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->session()->connectionState(), ReviewSession::ConnectionState::Online, 15000);
        QTRY_COMPARE(m_window->queuePanel()->model()->rowCount(), 3);
    }

    void aSecondStartHandsTheLinkOver()
    {
        const QString name = uniqueName();
        SingleInstance first(name);
        QVERIFY(first.listen());
        SingleInstance second(name);
        QVERIFY(!second.listen()); // the first one answers
        LinkOpener opener(m_window.get(), nullptr);
        connect(&first, &SingleInstance::linkReceived, &opener, &LinkOpener::open);
        QSignalSpy received(&first, &SingleInstance::linkReceived);

        const QString id = m_ids.at(2);
        QVERIFY(m_window->queuePanel()->currentId() != id);
        QVERIFY(forwardFromElsewhere(name, linkTo(m_server.url(), id)));
        QTRY_COMPARE(received.count(), 1);
        QTRY_COMPARE(m_window->queuePanel()->currentId(), id); // opened in the running window

        // The receiving side checks what it is sent: anything else is refused, nothing happens.
        QVERIFY(!forwardFromElsewhere(name, QStringLiteral("javascript:alert(1)")));
        QVERIFY(!forwardFromElsewhere(name, QStringLiteral("countersign://open?server=file:///etc&action=x")));
        QCOMPARE(received.count(), 1);
    }

    void theNameIsFreeAgainWhenTheFirstQuits()
    {
        const QString name = uniqueName();
        {
            SingleInstance first(name);
            QVERIFY(first.listen());
        }
        SingleInstance next(name);
        QVERIFY(next.listen());
        QVERIFY(!forwardFromElsewhere(uniqueName(), linkTo(m_server.url(), m_ids.at(0)))); // no one there
    }

    void anotherServerIsNeverConnectedWithoutAsking()
    {
        LinkOpener opener(m_window.get(), nullptr);
        QSignalSpy connecting(&opener, &LinkOpener::connectRequested);
        const QString current = m_window->queuePanel()->currentId();
        opener.open(linkTo(QUrl(QStringLiteral("https://elsewhere.example.com")), m_ids.at(0)));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("openLinkQuestion"))) && box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("https://elsewhere.example.com")), qPrintable(box->text()));
        QCOMPARE(connecting.count(), 0);
        QCOMPARE(m_window->session()->serverUrl(), m_server.url()); // still where it was
        QCOMPARE(m_window->queuePanel()->currentId(), current);
        box->findChild<QPushButton *>(QStringLiteral("openLinkConnect"))->click();
        QTRY_COMPARE(connecting.count(), 1);
        QCOMPARE(connecting.first().at(1).toUrl(), QUrl(QStringLiteral("https://elsewhere.example.com")));
    }

    // A link to an item that is not in the queue opens it read-only, saying why.
    void aDecidedItemOpensReadOnly()
    {
        const QString id = m_server.submit(QStringLiteral("Decided elsewhere"));
        QueueModel *model = m_window->queuePanel()->model();
        QTRY_VERIFY(model->rowOf(id) >= 0);
        QVERIFY(m_server.decide(id, Decision{Outcome::Approve, {}, {}, {}, {}, {}}, QStringLiteral("sam")));
        QTRY_VERIFY(model->rowOf(id) < 0);

        LinkOpener opener(m_window.get(), nullptr);
        opener.open(linkTo(m_server.url(), id));
        ActionDetailDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = visibleDetail()));
        QTRY_VERIFY(dialog->isLoaded());
        QVERIFY2(dialog->statusText().contains(QStringLiteral("approved by sam")), qPrintable(dialog->statusText()));
        QVERIFY(dialog->pane()->isVisible());
        QVERIFY(dialog->pane()->action());
        QCOMPARE(dialog->pane()->action()->id, id);
        dialog->close();
        QTRY_VERIFY(!visibleDetail());
    }

    void mySnoozedItemOpensReadOnly()
    {
        const QString id = m_server.submit(QStringLiteral("Snoozed by me"));
        QueueModel *model = m_window->queuePanel()->model();
        QTRY_VERIFY(model->rowOf(id) >= 0);
        const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(3600);
        const auto snoozed = Test::await(m_window->session()->connection()->snooze(id, until));
        QVERIFY(snoozed && *snoozed);
        QTRY_VERIFY(model->rowOf(id) < 0); // hidden from my queue

        LinkOpener opener(m_window.get(), nullptr);
        opener.open(linkTo(m_server.url(), id));
        ActionDetailDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = visibleDetail()));
        QTRY_VERIFY(dialog->isLoaded());
        QVERIFY2(
            dialog->statusText().contains(QStringLiteral("you snoozed it until")), qPrintable(dialog->statusText()));
        QVERIFY(dialog->pane()->isVisible());
        dialog->close();
        QTRY_VERIFY(!visibleDetail());
    }

    void anUnknownItemSaysSo()
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        LinkOpener opener(m_window.get(), nullptr);
        opener.open(linkTo(m_server.url(), id));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("openLinkUnknown"))) && box->isVisible());
        QVERIFY2(box->text().contains(id), qPrintable(box->text()));
        QVERIFY(!visibleDetail());
        box->close();
    }

    void cleanupTestCase() { Test::closeWindow(m_window); }
};

QTEST_MAIN(TestOpenLinks)
#include "tst_openlinks.moc"
