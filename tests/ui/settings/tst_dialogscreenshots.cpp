#include "isolatedsettings.h"
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "settings/connectdialog.h"
#include "settings/profilestore.h"
#include "settings/settingsdialog.h"
#include "settings/tokenstore.h"
#include "style/thememanager.h"
#include "tinyhttpserver.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Countersign;
using Countersign::Test::TinyHttpServer;

// Renders the connect and settings dialogs in the light and dark themes, checks that the dark
// rendering is dark and the light one light, and saves them side by side as
// connect-dialog.png and settings-dialog.png: into $COUNTERSIGN_SCREENSHOT_DIR when set (the
// docs/screenshots/ images are made that way), else into the test's build directory.
class TestDialogScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectDialog();
    void settingsDialog();
    void aboutDialog();

private:
    QImage renderConnectDialog(AppSettings::Theme theme);
    QImage renderSettingsDialog(AppSettings::Theme theme);
    static double meanLightness(const QImage &image);
    void save(const QString &name, const QImage &light, const QImage &dark);

    AppSettings *m_settings = nullptr;
    ThemeManager *m_themes = nullptr;
    TinyHttpServer *m_server = nullptr;
    QString m_outputDir;
};

void TestDialogScreenshots::initTestCase()
{
    Test::isolateSettings(QStringLiteral("tst_dialogscreenshots"));
    QSettings().clear();
    m_outputDir = qEnvironmentVariable("COUNTERSIGN_SCREENSHOT_DIR", QCoreApplication::applicationDirPath());
    QVERIFY(QDir().mkpath(m_outputDir));
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    m_settings = new AppSettings(this);
    m_themes = new ThemeManager(m_settings, this);
    m_server = new TinyHttpServer(this);
    QVERIFY(m_server->start(8470)); // the demo server's port, if free: a familiar address
    m_server->setReply(200, R"({"name":"alice","role":"reviewer"})");
}

void TestDialogScreenshots::cleanupTestCase()
{
    Test::removeIsolatedSettings();
}

double TestDialogScreenshots::meanLightness(const QImage &image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            sum += image.pixelColor(x, y).lightness();
    }
    return sum / ((image.height() + 1) / 2 * ((image.width() + 1) / 2));
}

void TestDialogScreenshots::save(const QString &name, const QImage &light, const QImage &dark)
{
    constexpr int Gap = 24;
    QImage sheet(light.width() + Gap + dark.width(), std::max(light.height(), dark.height()),
        QImage::Format_ARGB32_Premultiplied);
    sheet.fill(Qt::transparent);
    {
        QPainter painter(&sheet);
        painter.drawImage(0, 0, light);
        painter.drawImage(light.width() + Gap, 0, dark);
    }
    const QString path = QDir(m_outputDir).filePath(name);
    QVERIFY2(sheet.save(path), qPrintable(path));
    qInfo("saved %s", qPrintable(path));
}

QImage TestDialogScreenshots::renderConnectDialog(AppSettings::Theme theme)
{
    m_settings->setTheme(theme);
    // The real keychain state where there is none (as here); never touch a real keychain.
    TokenStore automatic;
    TokenStore sessionOnly(TokenStore::Mode::SessionOnly);
    TokenStore &tokens = automatic.availability() == TokenStore::Availability::Unavailable ? automatic : sessionOnly;
    ProfileStore profiles(&tokens);
    ConnectDialog dialog(&profiles, &tokens);
    dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Payments team"));
    dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"))->setText(m_server->url().toString());
    dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"))->setText(QStringLiteral("cs_live_4f9a2c71d0"));
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return {};
    QSignalSpy finished(&dialog, &ConnectDialog::testFinished);
    dialog.testConnection();
    if (!finished.wait(10000))
        return {};
    // Twice: word-wrapped notices know their height once the first pass gave them a width.
    for (int pass = 0; pass < 2; ++pass) {
        dialog.adjustSize();
        QCoreApplication::processEvents();
    }
    return dialog.grab().toImage();
}

QImage TestDialogScreenshots::renderSettingsDialog(AppSettings::Theme theme)
{
    m_settings->setTheme(theme);
    SettingsDialog dialog(m_settings);
    dialog.setKnownCategories(
        {QStringLiteral("email"), QStringLiteral("refunds"), QStringLiteral("deploys"), QStringLiteral("database")});
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return {};
    dialog.adjustSize();
    QCoreApplication::processEvents();
    return dialog.grab().toImage();
}

void TestDialogScreenshots::connectDialog()
{
    const QImage light = renderConnectDialog(AppSettings::Theme::Light);
    const QImage dark = renderConnectDialog(AppSettings::Theme::Dark);
    QVERIFY(!light.isNull() && !dark.isNull());
    QVERIFY2(meanLightness(light) > 180, qPrintable(QString::number(meanLightness(light))));
    QVERIFY2(meanLightness(dark) < 80, qPrintable(QString::number(meanLightness(dark))));
    save(QStringLiteral("connect-dialog.png"), light, dark);
}

void TestDialogScreenshots::settingsDialog()
{
    AppSettings::Values v = m_settings->values();
    v.notificationCategories = {QStringLiteral("refunds"), QStringLiteral("email")};
    m_settings->setValues(v);
    const QImage light = renderSettingsDialog(AppSettings::Theme::Light);
    const QImage dark = renderSettingsDialog(AppSettings::Theme::Dark);
    QVERIFY(!light.isNull() && !dark.isNull());
    QVERIFY2(meanLightness(light) > 180, qPrintable(QString::number(meanLightness(light))));
    QVERIFY2(meanLightness(dark) < 80, qPrintable(QString::number(meanLightness(dark))));
    save(QStringLiteral("settings-dialog.png"), light, dark);
    m_settings->setTheme(AppSettings::Theme::System);
}

void TestDialogScreenshots::aboutDialog()
{
    QImage images[2];
    for (const auto theme : {AppSettings::Theme::Light, AppSettings::Theme::Dark}) {
        m_settings->setTheme(theme);
        AboutDialog dialog;
        dialog.setServerVersion(QStringLiteral("0.1.0"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.adjustSize();
        QCoreApplication::processEvents();
        images[theme == AppSettings::Theme::Dark ? 1 : 0] = dialog.grab().toImage();
    }
    QVERIFY(meanLightness(images[0]) > 180);
    QVERIFY(meanLightness(images[1]) < 80);
    save(QStringLiteral("about-dialog.png"), images[0], images[1]);
    m_settings->setTheme(AppSettings::Theme::System);
}

QTEST_MAIN(TestDialogScreenshots)
#include "tst_dialogscreenshots.moc"
