#include "client/notificationbatcher.h"
#include "domain/clock.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/reviewerapp.h"
#include "server/queueserver.h"
#include "server/role.h"
#include "server/serverconfig.h"
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "testresult.h"

#include "countersignversion.h"
#include "isolatedsettings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Countersign;

// The reviewer app as main() builds it, against a real countersign-server in process: the About
// box names the server and its version, the status bar the user's role in words, and the
// notification settings reach the main window.
class TestReviewerApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aboutBeforeConnecting();
    void statusBarNamesTheRole();
    void aboutNamesTheServer();
    void notificationSettingsReachTheWindow();

private:
    // Opens the About box through the Help menu's action and returns the texts of its server
    // rows once the server's version is in (or after 15 s); closes the box. Works whether the
    // box blocks (exec) or not.
    QStringList aboutTexts();

    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<QueueServer> m_server;
    QString m_leadToken;
    std::unique_ptr<ReviewerApp> m_app;
};

void TestReviewerApp::initTestCase()
{
    Test::isolateSettings(QStringLiteral("tst_reviewerapp"));
    QVERIFY(m_dir.isValid());
    ServerConfig config;
    config.port = 0; // any free one
    config.storeLocation = m_dir.filePath(QStringLiteral("server.db"));
    m_server = std::make_unique<QueueServer>(config, m_clock);
    const auto started = m_server->start();
    CS_VERIFY_OK(started);
    const auto lead = m_server->issueToken(Role::Lead, QStringLiteral("alice"));
    QVERIFY(lead);
    m_leadToken = QString::fromUtf8(*lead);
    m_app = std::make_unique<ReviewerApp>(m_dir.filePath(QStringLiteral("history.db")));
}

void TestReviewerApp::cleanupTestCase()
{
    m_app.reset();
    if (m_server) {
        QSignalSpy stopped(m_server.get(), &QueueServer::stopped);
        m_server->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(stopped.count() > 0, 15000);
    }
    Test::removeIsolatedSettings();
}

QStringList TestReviewerApp::aboutTexts()
{
    QStringList texts;
    QElapsedTimer waited;
    waited.start();
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&] {
        auto *about = m_app->window()->findChild<AboutDialog *>();
        if (!about || !about->isVisible())
            return;
        auto text = [about](const char *name) {
            auto *label = about->findChild<QLabel *>(QLatin1String(name));
            return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
        };
        const QString version = text("serverVersionValue");
        if (version.contains(QLatin1String("asking")) && waited.elapsed() < 15000)
            return; // the answer is on its way
        texts = {text("serverUrlValue"), version, text("identityValue")};
        watcher.stop();
        // For a look at it: $COUNTERSIGN_SCREENSHOT_DIR/about-connected.png.
        if (const QString dir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR"); !dir.isEmpty())
            about->grab().save(QDir(dir).filePath(QStringLiteral("about-%1.png")
                    .arg(texts.value(0).startsWith(u'h') ? QStringLiteral("connected") : QStringLiteral("offline"))));
        about->close();
    });
    watcher.start();
    QAction *action = m_app->window()->action(QStringLiteral("actionAbout"));
    if (!action)
        return {QStringLiteral("<no actionAbout>")};
    action->trigger();
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(!watcher.isActive(), 20000);
    }();
    [&] {
        QTRY_VERIFY(
            !m_app->window()->findChild<AboutDialog *>() || !m_app->window()->findChild<AboutDialog *>()->isVisible());
    }();
    return texts;
}

void TestReviewerApp::aboutBeforeConnecting()
{
    m_app->window()->show();
    const QStringList texts = aboutTexts();
    QCOMPARE(texts.value(0), QStringLiteral("not connected"));
    QCOMPARE(texts.value(1), QStringLiteral("not connected"));
}

void TestReviewerApp::statusBarNamesTheRole()
{
    m_app->start(m_server->baseUrl(), m_leadToken);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_app->window()->session()->connectionState(), ReviewSession::ConnectionState::Online, 15000);
    auto *identity = m_app->window()->findChild<QLabel *>(QStringLiteral("identityLabel"));
    QVERIFY(identity);
    QTRY_COMPARE(identity->text(), QStringLiteral("alice (lead reviewer)"));
}

void TestReviewerApp::aboutNamesTheServer()
{
    const QStringList texts = aboutTexts();
    QCOMPARE(texts.value(0), m_server->baseUrl().toDisplayString());
    QCOMPARE(texts.value(1), QStringLiteral(COUNTERSIGN_VERSION));
    QCOMPARE(texts.value(2), QStringLiteral("alice (lead reviewer)"));
}

void TestReviewerApp::notificationSettingsReachTheWindow()
{
    NotificationBatcher *notifications = m_app->window()->notifications();
    QCOMPARE(notifications->rules().scope, NotificationRules::Scope::AllItems);
    AppSettings::Values values = m_app->settings()->values();
    values.notifyFor = NotificationRules::Scope::MyCategories;
    values.notificationCategories = {QStringLiteral("billing")};
    values.notifyEscalations = false;
    m_app->settings()->setValues(values);
    QCOMPARE(notifications->rules().scope, NotificationRules::Scope::MyCategories);
    QCOMPARE(notifications->rules().categories, QStringList{QStringLiteral("billing")});
    QVERIFY(!notifications->rules().escalations);
    QVERIFY(notifications->rules().newItems);
    m_app->settings()->setNotifyFor(NotificationRules::Scope::EscalatedOnly);
    QCOMPARE(notifications->rules().scope, NotificationRules::Scope::EscalatedOnly);
}

QTEST_MAIN(TestReviewerApp)
#include "tst_reviewerapp.moc"
