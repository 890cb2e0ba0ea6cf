#pragma once

#include <QDialog>

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

    // Empty: not connected.
    void setServerVersion(const QString &version);
    // Whether a keychain service answered in this session (TokenStore::isPersistent()).
    void setKeychainInUse(bool inUse);

    static QString versionText();
    static QString licenseText();

private:
    void updateKeychain();

    QLabel *m_server = nullptr;
    QLabel *m_keychain = nullptr;
    bool m_keychainInUse = false;
};

} // namespace Countersign
