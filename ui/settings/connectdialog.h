#pragma once

#include "client/useridentity.h"
#include "connectionprofile.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Countersign {

class NoticeLabel;
class ProfileStore;
class ServerConnection;
class TokenStore;

// Asks for the server address and token (first start, or whenever the token is not available),
// manages the server profiles and tries a connection with "Test Connection". On accept the
// profile is saved in the ProfileStore, the token in the TokenStore (the keychain, or memory
// only when there is none: the dialog says so) and the profile becomes the last used one.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectDialog(ProfileStore *profiles, TokenStore *tokens, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // At least the preferred width, so the height of wrapped text is measured at that width.
    QSize sizeHint() const override;

    // Shows this saved profile (e.g. the last used one, whose token was rejected).
    void selectProfile(const QString &name);

    // The profile and token accepted by the user (valid after accept()).
    ConnectionProfile profile() const;
    QString token() const;
    // Who the token belongs to, if "Test Connection" succeeded with the current values.
    std::optional<UserIdentity> testedIdentity() const { return m_identity; }

public Q_SLOTS:
    void accept() override;
    void testConnection();

Q_SIGNALS:
    // A connection test finished (success or not); for the app's status bar and for tests.
    void testFinished(bool ok);

private:
    void buildUi();
    void populateProfiles(const QString &select);
    void profileSelected(int index);
    void addProfile();
    void removeProfile();
    void revalidate();
    void invalidateTest();
    void updateKeychainNotice();
    // The saved profile being edited; empty for a new one.
    QString editedProfile() const;

    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    ServerConnection *m_connection = nullptr;

    QComboBox *m_profileCombo = nullptr;
    QToolButton *m_addButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    NoticeLabel *m_nameMessage = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    NoticeLabel *m_urlMessage = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    NoticeLabel *m_keychainNotice = nullptr;
    QPushButton *m_testButton = nullptr;
    NoticeLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_connectButton = nullptr;

    ConnectionProfile m_accepted;
    QString m_acceptedToken;
    std::optional<UserIdentity> m_identity;
    int m_testSerial = 0;
    bool m_tokenTouched = false;
};

} // namespace Countersign
