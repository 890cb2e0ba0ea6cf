#pragma once

#include "client/useridentity.h"

#include <QDialog>
#include <QUrl>

class QLabel;

namespace Countersign {

// "About Countersign": the app's version, the versions of Qt, KF6 SyntaxHighlighting and
// QtKeychain it runs with, the server's version once connected, and the licence.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // At least the preferred width, so the height of wrapped text is measured at that width.
    QSize sizeHint() const override;

    // The server the app is connected to, and as whom; an empty URL: not connected.
    void setServer(const QUrl &url, const UserIdentity &identity = {});
    // What the server reported (GET /healthz); empty: not known (yet).
    void setServerVersion(const QString &version);
    // The server did not tell its version: why.
    void setServerVersionUnknown(const QString &reason);
    // Whether a keychain service answered in this session (TokenStore::isPersistent()).
    void setKeychainInUse(bool inUse);

    static QString versionText();
    static QString licenseText();

private:
    void updateKeychain();
    void updateServer();

    QLabel *m_serverUrl = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_server = nullptr;
    QUrl m_url;
    QString m_version;
    QLabel *m_keychain = nullptr;
    bool m_keychainInUse = false;
};

} // namespace Countersign
