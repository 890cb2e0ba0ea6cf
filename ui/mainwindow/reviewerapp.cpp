#include "reviewerapp.h"

#include "client/serverversion.h"
#include "diff/diffwidget.h"
#include "linkopener.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "review/patchview.h"
#include "review/reviewpane.h"
#include "settings/aboutdialog.h"
#include "settings/appsettings.h"
#include "settings/connectdialog.h"
#include "settings/connectionmessages.h"
#include "settings/profilestore.h"
#include "settings/settingsdialog.h"
#include "settings/tokenstore.h"
#include "style/thememanager.h"

#include <QTimer>

namespace Countersign {

ReviewerApp::ReviewerApp(const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<AppSettings>())
    , m_themes(std::make_unique<ThemeManager>(m_settings.get()))
    , m_tokens(std::make_unique<TokenStore>())
    , m_profiles(std::make_unique<ProfileStore>(m_tokens.get()))
    , m_window(std::make_unique<MainWindow>(historyPath))
{
    connect(m_window.get(), &MainWindow::connectRequested, this, &ReviewerApp::showConnectDialog);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &ReviewerApp::showSettings);
    connect(m_window.get(), &MainWindow::aboutRequested, this, &ReviewerApp::showAbout);
    connect(m_settings.get(), &AppSettings::changed, this, &ReviewerApp::applySettings);
    DiffWidget *diff = m_window->reviewPane()->diffWidget();
    diff->setWordWrapChoices(m_settings->wordWrapChoices());
    connect(diff, &DiffWidget::wordWrapToggled, m_settings.get(), &AppSettings::setWordWrapChoice);
    applySettings();
}

ReviewerApp::~ReviewerApp() = default;

void ReviewerApp::applySettings()
{
    m_window->session()->setUndoWindow(m_settings->undoWindowSeconds());
    for (DiffWidget *diff : {m_window->reviewPane()->diffWidget(), m_window->reviewPane()->patchView()->diffWidget()}) {
        diff->setViewFont(m_settings->diffFont());
        diff->setThemeName(m_settings->syntaxTheme());
    }
    m_window->setNotifications(m_settings->notificationRules());
    m_window->setConfirmBatchApprove(m_settings->confirmBatchApprove());
}

void ReviewerApp::start(const QUrl &server, const QString &token)
{
    m_window->show();
    if (server.isValid() && !token.isEmpty()) {
        m_window->connectToServer(server, token);
        return;
    }
    const QString last = m_profiles->lastUsed();
    const auto profile = last.isEmpty() ? std::nullopt : m_profiles->profile(last);
    if (!profile) {
        QTimer::singleShot(0, this, &ReviewerApp::showConnectDialog);
        return;
    }
    m_tokens->read(profile->name).then(this, [this, url = profile->url](const Result<QString> &stored) {
        if (stored && !stored->isEmpty())
            m_window->connectToServer(url, *stored);
        else
            showConnectDialog(); // no keychain, or nothing stored: ask
    });
}

void ReviewerApp::openLink(const QString &link)
{
    if (!m_links) {
        m_links = new LinkOpener(m_window.get(), m_profiles.get(), this);
        connect(m_links, &LinkOpener::connectRequested, this, [this](const QString &profile, const QUrl &) {
            if (profile.isEmpty()) {
                showConnectDialog(); // a new server: the reviewer adds it, with its token
                return;
            }
            m_profiles->setLastUsed(profile);
            m_tokens->read(profile).then(this, [this, profile](const Result<QString> &stored) {
                const auto known = m_profiles->profile(profile);
                if (known && stored && !stored->isEmpty())
                    m_window->connectToServer(known->url, *stored);
                else
                    showConnectDialog();
            });
        });
    }
    m_links->open(link);
}

void ReviewerApp::showConnectDialog()
{
    ConnectDialog dialog(m_profiles.get(), m_tokens.get(), m_window.get());
    dialog.selectProfile(m_profiles->lastUsed());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_profiles->setLastUsed(dialog.profile().name);
    m_window->connectToServer(dialog.profile().url, dialog.token());
}

void ReviewerApp::showSettings()
{
    SettingsDialog dialog(m_settings.get(), m_window.get());
    dialog.setKnownCategories(m_window->queuePanel()->model()->categories());
    dialog.exec();
}

void ReviewerApp::showAbout()
{
    // Window-modal but not blocking: the server's version arrives while the dialog is open.
    if (auto *open = m_window->findChild<AboutDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new AboutDialog(m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKeychainInUse(m_tokens->isPersistent());
    ReviewSession *controller = m_window->session();
    if (controller->connectionState() != ReviewSession::ConnectionState::Disconnected) {
        dialog->setServer(controller->serverUrl(), controller->identity());
        fetchServerVersion(controller->connection()).then(dialog, [dialog](const Result<QString> &version) {
            if (version)
                dialog->setServerVersion(*version);
            else
                dialog->setServerVersionUnknown(ConnectionMessages::error(version.error()));
        });
    }
    dialog->open();
}

} // namespace Countersign
