#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

namespace Countersign {

class AppSettings;
class LinkOpener;
class MainWindow;
class ProfileStore;
class ThemeManager;
class TokenStore;

// The reviewer application's wiring: settings and theme, connection profiles with their tokens
// in the keychain, the main window, and the dialogs its menus open. main() only parses the
// command line and hands over.
class ReviewerApp : public QObject
{
    Q_OBJECT

public:
    explicit ReviewerApp(const QString &historyPath, QObject *parent = nullptr);
    ~ReviewerApp() override;

    MainWindow *window() const { return m_window.get(); }
    AppSettings *settings() const { return m_settings.get(); }

    // Connects straight away (command line), or to the last profile, or asks.
    void start(const QUrl &server = {}, const QString &token = {});
    void showConnectDialog();
    void showSettings();
    void showAbout();
    // A countersign://open link (command line or a second start): LinkOpener decides.
    void openLink(const QString &link);

private:
    void applySettings();

    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ThemeManager> m_themes;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MainWindow> m_window;
    LinkOpener *m_links = nullptr;
};

} // namespace Countersign
