#include "isolatedsettings.h"
#include "settings/connectdialog.h"
#include "settings/profilestore.h"
#include "settings/tokenstore.h"
#include "tinyhttpserver.h"
#include "widgets/noticelabel.h"

#include "domain/error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Countersign;
using Countersign::Test::TinyHttpServer;

// The connect dialog, offscreen, against tiny HTTP servers on loopback.
class TestConnectDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void everyControlHasAnObjectName();
    void firstStartOffersANewProfile();
    void urlValidationMessages_data();
    void urlValidationMessages();
    void keychainNoticeWhenNoKeychain();
    void testConnectionShowsIdentity();
    void testConnectionShowsReadableUnauthorized();
    void testConnectionOtherErrors_data();
    void testConnectionOtherErrors();
    void testConnectionUnreachable();
    void editingInvalidatesTheResult();
    void acceptSavesProfileAndToken();
    void editExistingProfile();
    void duplicateNameIsRefused();

private:
    template<typename T>
    T *child(const char *name) const
    {
        auto *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no child named %s", name);
        return w;
    }
    void fill(const QString &url, const QString &token);
    static QByteArray errorBody(ErrorCode code, const QString &message);

    TokenStore *m_tokens = nullptr;
    ProfileStore *m_profiles = nullptr;
    ConnectDialog *m_dialog = nullptr;
};

QByteArray TestConnectDialog::errorBody(ErrorCode code, const QString &message)
{
    // The server's error shape (core/server/httperrors): {"error":{"code":..,"message":..}}.
    const QJsonObject error{{QStringLiteral("code"), errorCodeName(code)}, {QStringLiteral("message"), message}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

void TestConnectDialog::initTestCase()
{
    Test::isolateSettings(QStringLiteral("tst_connectdialog"));
}

void TestConnectDialog::cleanupTestCase()
{
    Test::removeIsolatedSettings();
}

void TestConnectDialog::init()
{
    QSettings settings;
    settings.clear();
    settings.sync();
    m_tokens = new TokenStore(TokenStore::Mode::SessionOnly, this);
    m_profiles = new ProfileStore(m_tokens, this);
    m_dialog = new ConnectDialog(m_profiles, m_tokens);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void TestConnectDialog::cleanup()
{
    delete m_dialog;
    delete m_profiles;
    delete m_tokens;
}

void TestConnectDialog::fill(const QString &url, const QString &token)
{
    auto *urlEdit = child<QLineEdit>("urlEdit");
    auto *tokenEdit = child<QLineEdit>("tokenEdit");
    urlEdit->clear();
    QTest::keyClicks(urlEdit, url);
    tokenEdit->clear();
    QTest::keyClicks(tokenEdit, token);
}

void TestConnectDialog::everyControlHasAnObjectName()
{
    QVERIFY(child<QComboBox>("profileCombo"));
    QVERIFY(child<QToolButton>("addProfileButton"));
    QVERIFY(child<QToolButton>("removeProfileButton"));
    QVERIFY(child<QLineEdit>("nameEdit"));
    QVERIFY(child<NoticeLabel>("nameMessage"));
    QVERIFY(child<QLineEdit>("urlEdit"));
    QVERIFY(child<NoticeLabel>("urlMessage"));
    QVERIFY(child<QLineEdit>("tokenEdit"));
    QVERIFY(child<NoticeLabel>("keychainNotice"));
    QVERIFY(child<QPushButton>("testButton"));
    QVERIFY(child<NoticeLabel>("testResult"));
    QVERIFY(child<QDialogButtonBox>("buttonBox"));
    QVERIFY(child<QPushButton>("connectButton"));
    QCOMPARE(child<QLineEdit>("tokenEdit")->echoMode(), QLineEdit::Password);
}

void TestConnectDialog::firstStartOffersANewProfile()
{
    auto *combo = child<QComboBox>("profileCombo");
    QCOMPARE(combo->count(), 1);
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Server"));
    QVERIFY(child<QLineEdit>("urlEdit")->text().isEmpty());
    // Nothing to connect with yet, and no scolding before the user typed anything.
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
    QVERIFY(!child<QPushButton>("testButton")->isEnabled());
    QVERIFY(child<NoticeLabel>("urlMessage")->isHidden());
}

void TestConnectDialog::urlValidationMessages_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("kind"); // -1: no message
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("canConnect");

    QTest::newRow("https") << "https://countersign.example.com" << -1 << QString() << true;
    QTest::newRow("loopback http") << "http://127.0.0.1:8470" << -1 << QString() << true;
    QTest::newRow("remote http") << "http://review.internal" << int(NoticeLabel::Kind::Warning) << "travel unencrypted"
                                 << true;
    QTest::newRow("no scheme") << "countersign.example.com" << int(NoticeLabel::Kind::Error)
                               << "Start the address with https://" << false;
    QTest::newRow("ftp") << "ftp://files.example.com" << int(NoticeLabel::Kind::Error) << "not ftp://" << false;
    QTest::newRow("no host") << "https://" << int(NoticeLabel::Kind::Error) << "no host name" << false;
    QTest::newRow("credentials") << "https://bob:pw@example.com" << int(NoticeLabel::Kind::Error)
                                 << "user name or password" << false;
}

void TestConnectDialog::urlValidationMessages()
{
    QFETCH(QString, url);
    QFETCH(int, kind);
    QFETCH(QString, message);
    QFETCH(bool, canConnect);

    fill(url, QStringLiteral("token"));
    auto *notice = child<NoticeLabel>("urlMessage");
    if (kind < 0) {
        QVERIFY2(notice->isHidden(), qPrintable(notice->text()));
    } else {
        QVERIFY(notice->isVisible());
        QCOMPARE(int(notice->kind()), kind);
        QVERIFY2(notice->text().contains(message), qPrintable(notice->text()));
    }
    QCOMPARE(child<QPushButton>("connectButton")->isEnabled(), canConnect);
    QCOMPARE(child<QPushButton>("testButton")->isEnabled(), canConnect);

    // Without a token neither test nor connect is possible.
    child<QLineEdit>("tokenEdit")->clear();
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
    QVERIFY(!child<QPushButton>("testButton")->isEnabled());
}

void TestConnectDialog::keychainNoticeWhenNoKeychain()
{
    auto *notice = child<NoticeLabel>("keychainNotice");
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->kind(), NoticeLabel::Kind::Warning);
    QVERIFY2(notice->text().contains(QLatin1String("will not be saved")), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QLatin1String("each time")), qPrintable(notice->text()));
}

void TestConnectDialog::testConnectionShowsIdentity()
{
    TinyHttpServer server;
    QVERIFY(server.start());
    server.setReply(200, R"({"name":"alice","role":"reviewer"})");
    fill(server.url().toString(), QStringLiteral("tok-123"));

    QSignalSpy finished(m_dialog, &ConnectDialog::testFinished);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);

    QCOMPARE(server.lastMethod(), QByteArray("GET"));
    QCOMPARE(server.lastPath(), QByteArray("/v1/me"));
    QCOMPARE(server.lastHeader("Authorization"), QByteArray("Bearer tok-123"));
    auto *result = child<NoticeLabel>("testResult");
    QCOMPARE(result->kind(), NoticeLabel::Kind::Positive);
    QCOMPARE(result->text(), QStringLiteral("Connected as alice (reviewer)."));
    QVERIFY(m_dialog->testedIdentity().has_value());
    QCOMPARE(m_dialog->testedIdentity()->name, QStringLiteral("alice"));

    // An agent's token works but cannot review: say so.
    server.setReply(200, R"({"name":"billing-bot","role":"agent"})");
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(result->kind(), NoticeLabel::Kind::Warning);
    QVERIFY2(result->text().contains(QLatin1String("cannot review")), qPrintable(result->text()));
}

void TestConnectDialog::testConnectionShowsReadableUnauthorized()
{
    TinyHttpServer server;
    QVERIFY(server.start());
    server.setReply(401, errorBody(ErrorCode::Unauthorized, QStringLiteral("the token is not valid")));
    fill(server.url().toString(), QStringLiteral("wrong"));

    QSignalSpy finished(m_dialog, &ConnectDialog::testFinished);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    auto *result = child<NoticeLabel>("testResult");
    QCOMPARE(result->kind(), NoticeLabel::Kind::Error);
    QCOMPARE(result->text(),
        QStringLiteral("The server did not accept the token. Check that it was copied "
                       "completely. (the token is not valid)"));
    QVERIFY(!result->text().contains(u'{'));
    QVERIFY(!m_dialog->testedIdentity());
}

void TestConnectDialog::testConnectionOtherErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("expected");

    QTest::newRow("forbidden") << 403 << errorBody(ErrorCode::Forbidden, QStringLiteral("reviewers only"))
                               << QByteArray("application/json") << "not allowed to do this";
    QTest::newRow("not found, HTML") << 404 << QByteArray("<html><body>Not Found</body></html>")
                                     << QByteArray("text/html") << "Is the address that of a countersign-server?";
    QTest::newRow("busy") << 429 << errorBody(ErrorCode::RateLimited, QStringLiteral("slow down"))
                          << QByteArray("application/json") << "Try again in a moment";
    QTest::newRow("gateway") << 502 << QByteArray("Bad gateway") << QByteArray("text/plain") << "HTTP status 502";
    QTest::newRow("web page") << 200 << QByteArray("<!doctype html><title>Welcome</title>") << QByteArray("text/html")
                              << "unreadable answer";
    QTest::newRow("other JSON") << 200 << QByteArray(R"({"status":"ok"})") << QByteArray("application/json")
                                << "not like a countersign-server";
}

void TestConnectDialog::testConnectionOtherErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, expected);

    TinyHttpServer server;
    QVERIFY(server.start());
    server.setReply(status, body, contentType);
    fill(server.url().toString(), QStringLiteral("tok"));
    QSignalSpy finished(m_dialog, &ConnectDialog::testFinished);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    auto *result = child<NoticeLabel>("testResult");
    QCOMPARE(result->kind(), NoticeLabel::Kind::Error);
    QVERIFY2(result->text().contains(expected), qPrintable(result->text()));
    QVERIFY2(!result->text().contains(u'{') && !result->text().contains(u'<'), qPrintable(result->text()));
}

void TestConnectDialog::testConnectionUnreachable()
{
    // A port that was just free: nobody listens there.
    quint16 port = 0;
    {
        TinyHttpServer probe;
        QVERIFY(probe.start());
        port = probe.serverPort();
    }
    fill(QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("tok"));
    QSignalSpy finished(m_dialog, &ConnectDialog::testFinished);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    auto *result = child<NoticeLabel>("testResult");
    QCOMPARE(result->kind(), NoticeLabel::Kind::Error);
    QVERIFY2(result->text().startsWith(QLatin1String("Cannot reach the server")), qPrintable(result->text()));
}

void TestConnectDialog::editingInvalidatesTheResult()
{
    TinyHttpServer server;
    QVERIFY(server.start());
    server.setReply(200, R"({"name":"alice","role":"lead"})");
    fill(server.url().toString(), QStringLiteral("tok"));
    QSignalSpy finished(m_dialog, &ConnectDialog::testFinished);
    QTest::mouseClick(child<QPushButton>("testButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(child<NoticeLabel>("testResult")->isVisible());
    QTest::keyClicks(child<QLineEdit>("tokenEdit"), QStringLiteral("x"));
    QVERIFY(child<NoticeLabel>("testResult")->isHidden());
    QVERIFY(!m_dialog->testedIdentity());
}

void TestConnectDialog::acceptSavesProfileAndToken()
{
    auto *name = child<QLineEdit>("nameEdit");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Production"));
    fill(QStringLiteral("https://countersign.example.com/"), QStringLiteral("sekret-token-42"));
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));

    QCOMPARE(m_dialog->profile().name, QStringLiteral("Production"));
    QCOMPARE(m_dialog->profile().url, QUrl(QStringLiteral("https://countersign.example.com")));
    QCOMPARE(m_dialog->token(), QStringLiteral("sekret-token-42"));
    QCOMPARE(m_profiles->profiles().size(), 1);
    QCOMPARE(m_profiles->lastUsed(), QStringLiteral("Production"));
    auto token = m_tokens->read(QStringLiteral("Production"));
    QTRY_VERIFY(token.isFinished());
    QCOMPARE(token.result().value(), QStringLiteral("sekret-token-42"));

    QFile file(m_profiles->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray contents = file.readAll();
    QVERIFY(contents.contains("Production"));
    QVERIFY(!contents.contains("sekret-token-42"));
}

void TestConnectDialog::editExistingProfile()
{
    QVERIFY(m_profiles->add({QStringLiteral("Alpha"), QUrl(QStringLiteral("https://a.example.com"))}));
    QVERIFY(m_profiles->add({QStringLiteral("Beta"), QUrl(QStringLiteral("https://b.example.com"))}));
    auto saved = m_tokens->write(QStringLiteral("Beta"), QStringLiteral("beta-token"));
    QTRY_VERIFY(saved.isFinished());
    delete m_dialog;
    m_dialog = new ConnectDialog(m_profiles, m_tokens);
    m_dialog->selectProfile(QStringLiteral("Beta"));

    QCOMPARE(child<QComboBox>("profileCombo")->count(), 2);
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Beta"));
    QCOMPARE(child<QLineEdit>("urlEdit")->text(), QStringLiteral("https://b.example.com"));
    QTRY_COMPARE(child<QLineEdit>("tokenEdit")->text(), QStringLiteral("beta-token"));

    auto *name = child<QLineEdit>("nameEdit");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Gamma"));
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QVERIFY(!m_profiles->contains(QStringLiteral("Beta")));
    QVERIFY(m_profiles->contains(QStringLiteral("Gamma")));
    QCOMPARE(m_profiles->lastUsed(), QStringLiteral("Gamma"));
    QTRY_COMPARE(m_tokens->read(QStringLiteral("Gamma")).result().value(), QStringLiteral("beta-token"));

    // "New" adds an unsaved profile with a free default name.
    QTest::mouseClick(child<QToolButton>("addProfileButton"), Qt::LeftButton);
    QCOMPARE(child<QComboBox>("profileCombo")->count(), 3);
    QCOMPARE(child<QLineEdit>("nameEdit")->text(), QStringLiteral("Server"));
    QVERIFY(child<QLineEdit>("urlEdit")->text().isEmpty());
    QVERIFY(child<QLineEdit>("tokenEdit")->text().isEmpty());
}

void TestConnectDialog::duplicateNameIsRefused()
{
    QVERIFY(m_profiles->add({QStringLiteral("Alpha"), QUrl(QStringLiteral("https://a.example.com"))}));
    QTest::mouseClick(child<QToolButton>("addProfileButton"), Qt::LeftButton);
    auto *name = child<QLineEdit>("nameEdit");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("alpha"));
    fill(QStringLiteral("https://other.example.com"), QStringLiteral("tok"));
    auto *message = child<NoticeLabel>("nameMessage");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QLatin1String("already exists")), qPrintable(message->text()));
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
