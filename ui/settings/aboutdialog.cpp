#include "aboutdialog.h"

#include "countersignversion.h"

#include "i18n/rolenames.h"
#include "style/icons.h"
#include "tokenstore.h"

#include <ksyntaxhighlighting_version.h>

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#ifndef COUNTERSIGN_QTKEYCHAIN_VERSION
#define COUNTERSIGN_QTKEYCHAIN_VERSION ""
#endif

namespace Countersign {

namespace {

constexpr int PreferredWidth = 480;
constexpr int MinimumWidth = 400;

QLabel *valueLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QString AboutDialog::versionText()
{
    return QStringLiteral(COUNTERSIGN_VERSION);
}

QString AboutDialog::licenseText()
{
    return tr("Countersign is free software, distributed under the GNU General Public License, version 3 or "
              "(at your option) any later version.");
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Countersign"));

    auto *logo = new QLabel(this);
    logo->setObjectName(QStringLiteral("logoLabel"));
    logo->setPixmap(Icons::bundled(Icons::App).pixmap(QSize(64, 64), devicePixelRatioF()));
    logo->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(tr("Countersign %1").arg(versionText()), this);
    title->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *tagline = new QLabel(tr("A human countersignature on what AI agents do."), this);
    tagline->setObjectName(QStringLiteral("taglineLabel"));

    auto *versions = new QFormLayout;
    versions->addRow(tr("Version:"), valueLabel(versionText(), QStringLiteral("versionValue"), this));
    versions->addRow(tr("Qt:"),
        valueLabel(tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
            QStringLiteral("qtVersionValue"), this));
    versions->addRow(tr("KF6 SyntaxHighlighting:"),
        valueLabel(QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING), QStringLiteral("syntaxHighlightingVersionValue"),
            this));
    m_keychain = valueLabel(QString(), QStringLiteral("keychainValue"), this);
    m_keychain->setWordWrap(true);
    versions->addRow(tr("QtKeychain:"), m_keychain);
    m_serverUrl = valueLabel(QString(), QStringLiteral("serverUrlValue"), this);
    versions->addRow(tr("Server:"), m_serverUrl);
    m_server = valueLabel(QString(), QStringLiteral("serverVersionValue"), this);
    m_server->setWordWrap(true);
    versions->addRow(tr("Server version:"), m_server);
    m_identity = valueLabel(QString(), QStringLiteral("identityValue"), this);
    versions->addRow(tr("Signed in as:"), m_identity);

    auto *license = new QLabel(licenseText(), this);
    license->setObjectName(QStringLiteral("licenseLabel"));
    license->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &AboutDialog::reject);
    auto *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(aboutQt, &QPushButton::clicked, this, [] {
        QApplication::aboutQt();
    });

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(tagline);
    text->addSpacing(10);
    text->addLayout(versions);
    text->addSpacing(10);
    text->addWidget(license);
    auto *top = new QHBoxLayout;
    top->addWidget(logo);
    top->addSpacing(12);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(MinimumWidth);

    setServer({});
    updateKeychain();
}

AboutDialog::~AboutDialog() = default;

QSize AboutDialog::sizeHint() const
{
    return QDialog::sizeHint().expandedTo(QSize(PreferredWidth, 0));
}

void AboutDialog::setServer(const QUrl &url, const UserIdentity &identity)
{
    m_url = url;
    m_version.clear();
    m_identity->setText(identity.name.isEmpty()
            ? tr("not signed in")
            : tr("%1 (%2)").arg(identity.name, RoleNames::displayName(identity.role)));
    updateServer();
}

void AboutDialog::setServerVersion(const QString &version)
{
    m_version = version.trimmed();
    updateServer();
}

void AboutDialog::setServerVersionUnknown(const QString &reason)
{
    m_version.clear();
    m_server->setText(reason.isEmpty() ? tr("unknown") : tr("unknown (%1)").arg(reason));
}

void AboutDialog::updateServer()
{
    const bool connected = !m_url.isEmpty();
    m_serverUrl->setText(connected ? m_url.toDisplayString() : tr("not connected"));
    if (!m_version.isEmpty())
        m_server->setText(m_version);
    else
        m_server->setText(connected ? tr("asking the server…") : tr("not connected"));
}

void AboutDialog::setKeychainInUse(bool inUse)
{
    m_keychainInUse = inUse;
    updateKeychain();
}

void AboutDialog::updateKeychain()
{
    if (!TokenStore::keychainCompiledIn()) {
        m_keychain->setText(tr("not available in this build (tokens are asked for at each start)"));
        return;
    }
    const QString version = QStringLiteral(COUNTERSIGN_QTKEYCHAIN_VERSION);
    const QString state = m_keychainInUse ? tr("tokens are kept in the system keychain")
                                          : tr("no keychain service found (tokens are asked for at each start)");
    m_keychain->setText(version.isEmpty() ? state : tr("%1, %2").arg(version, state));
}

} // namespace Countersign
