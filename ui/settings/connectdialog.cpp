#include "connectdialog.h"

#include "client/serverconnection.h"
#include "connectionmessages.h"
#include "profilestore.h"
#include "serverurl.h"
#include "settingslogging.h"
#include "style/icons.h"
#include "tokenstore.h"
#include "widgets/noticelabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Countersign {

namespace {

constexpr int PreferredWidth = 560;
constexpr int MinimumWidth = 440;

} // namespace

ConnectDialog::ConnectDialog(ProfileStore *profiles, TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to a Server"));
    buildUi();
    populateProfiles(m_profiles->lastUsed());

    connect(m_tokens, &TokenStore::availabilityChanged, this, &ConnectDialog::updateKeychainNotice);
    updateKeychainNotice();
    if (m_tokens->availability() == TokenStore::Availability::Unknown)
        m_tokens->probe();
}

ConnectDialog::~ConnectDialog() = default;

QSize ConnectDialog::sizeHint() const
{
    return QDialog::sizeHint().expandedTo(QSize(PreferredWidth, 0));
}

void ConnectDialog::buildUi()
{
    auto *intro = new QLabel(tr("Enter the address of your countersign-server and your personal token. "
                                "Your administrator can give you both."),
        this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);

    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_addButton = new QToolButton(this);
    m_addButton->setObjectName(QStringLiteral("addProfileButton"));
    m_addButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addButton->setText(tr("New"));
    m_addButton->setToolTip(tr("Add a server profile"));
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolTip(tr("Remove this profile and its saved token"));
    m_removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profileCombo, 1);
    profileRow->addWidget(m_addButton);
    profileRow->addWidget(m_removeButton);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setMaxLength(ProfileStore::MaxNameLength);
    m_nameMessage = new NoticeLabel(this);
    m_nameMessage->setObjectName(QStringLiteral("nameMessage"));

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://countersign.example.com"));
    m_urlEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_urlMessage = new NoticeLabel(this);
    m_urlMessage->setObjectName(QStringLiteral("urlMessage"));

    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("Paste your token here"));
    m_keychainNotice = new NoticeLabel(this);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));

    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setIcon(Icons::icon(Icons::Connected));
    m_testButton->setAutoDefault(false);
    m_testResult = new NoticeLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addStretch(1);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Profile:"), profileRow);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(QString(), m_nameMessage);
    form->addRow(tr("Server &address:"), m_urlEdit);
    form->addRow(QString(), m_urlMessage);
    form->addRow(tr("T&oken:"), m_tokenEdit);
    form->addRow(QString(), m_keychainNotice);
    form->addRow(QString(), testRow);
    form->addRow(QString(), m_testResult);
    // The buddies give the labels their mnemonics.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(profileRow)))
        label->setBuddy(m_profileCombo);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_connectButton = m_buttons->button(QDialogButtonBox::Ok);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setText(tr("&Connect"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addSpacing(8);
    layout->addWidget(m_buttons);
    setMinimumWidth(MinimumWidth);

    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &ConnectDialog::profileSelected);
    connect(m_addButton, &QToolButton::clicked, this, &ConnectDialog::addProfile);
    connect(m_removeButton, &QToolButton::clicked, this, &ConnectDialog::removeProfile);
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        // A new profile shows its name in the list as it is typed.
        if (editedProfile().isEmpty())
            m_profileCombo->setItemText(
                m_profileCombo->currentIndex(), text.trimmed().isEmpty() ? tr("New profile") : text.trimmed());
        revalidate();
    });
    connect(m_urlEdit, &QLineEdit::textChanged, this, [this] {
        invalidateTest();
        revalidate();
    });
    connect(m_tokenEdit, &QLineEdit::textEdited, this, [this] {
        m_tokenTouched = true;
    });
    connect(m_tokenEdit, &QLineEdit::textChanged, this, [this] {
        invalidateTest();
        revalidate();
    });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
}

QString ConnectDialog::editedProfile() const
{
    return m_profileCombo->currentData().toString();
}

void ConnectDialog::populateProfiles(const QString &select)
{
    const QSignalBlocker blocker(m_profileCombo);
    m_profileCombo->clear();
    for (const auto &p : m_profiles->profiles())
        m_profileCombo->addItem(p.name, p.name);
    int index = m_profileCombo->findData(select);
    if (m_profileCombo->count() == 0) {
        // First start: one new profile, ready to be filled in.
        m_profileCombo->addItem(tr("New profile"), QString());
        index = 0;
    }
    m_profileCombo->setCurrentIndex(std::max(index, 0));
    profileSelected(m_profileCombo->currentIndex());
}

void ConnectDialog::selectProfile(const QString &name)
{
    const int index = m_profileCombo->findData(name);
    if (index >= 0)
        m_profileCombo->setCurrentIndex(index);
}

void ConnectDialog::profileSelected(int index)
{
    Q_UNUSED(index)
    const QString name = editedProfile();
    const auto saved = m_profiles->profile(name);
    {
        const QSignalBlocker nameBlocker(m_nameEdit);
        const QSignalBlocker urlBlocker(m_urlEdit);
        const QSignalBlocker tokenBlocker(m_tokenEdit);
        m_nameEdit->setText(saved ? saved->name : m_profiles->unusedName(tr("Server")));
        m_urlEdit->setText(saved ? saved->url.toString() : QString());
        m_tokenEdit->clear();
    }
    m_tokenTouched = false;
    invalidateTest();
    revalidate();
    if (!saved)
        return;
    // Fill the saved token in when it arrives, unless the user has started typing one.
    m_tokens->read(name).then(this, [this, name](const Result<QString> &token) {
        if (editedProfile() != name || m_tokenTouched)
            return;
        if (!token) {
            m_keychainNotice->setNotice(NoticeLabel::Kind::Warning, token.error().message);
            return;
        }
        m_tokenEdit->setText(*token);
    });
}

void ConnectDialog::addProfile()
{
    int index = m_profileCombo->findData(QString());
    if (index < 0) {
        m_profileCombo->addItem(tr("New profile"), QString());
        index = m_profileCombo->count() - 1;
    }
    m_profileCombo->setCurrentIndex(index);
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

void ConnectDialog::removeProfile()
{
    const QString name = editedProfile();
    if (name.isEmpty()) {
        // An unsaved new profile: just drop it (unless it is the only thing to show).
        if (m_profiles->isEmpty())
            return;
        populateProfiles(m_profiles->lastUsed());
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Remove Profile"),
        tr("Remove the profile “%1” and the token saved for it?").arg(name), QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (const auto removed = m_profiles->remove(name); !removed) {
        m_nameMessage->setNotice(NoticeLabel::Kind::Error, removed.error().message);
        return;
    }
    populateProfiles(m_profiles->lastUsed());
}

void ConnectDialog::revalidate()
{
    const QString edited = editedProfile();
    bool nameOk = false;
    if (const auto name = ProfileStore::checkName(m_nameEdit->text()); !name) {
        m_nameMessage->setNotice(NoticeLabel::Kind::Error, name.error().message);
    } else if (m_profiles->contains(*name) && name->compare(edited, Qt::CaseInsensitive) != 0) {
        m_nameMessage->setNotice(NoticeLabel::Kind::Error, tr("A profile named “%1” already exists.").arg(*name));
    } else {
        m_nameMessage->clear();
        nameOk = true;
    }

    bool urlOk = false;
    if (m_urlEdit->text().trimmed().isEmpty()) {
        // Nothing typed yet: the placeholder shows the form, no need to scold.
        m_urlMessage->clear();
    } else if (const auto url = ServerUrl::parse(m_urlEdit->text()); !url) {
        m_urlMessage->setNotice(NoticeLabel::Kind::Error, url.error().message);
    } else {
        m_urlMessage->setNotice(NoticeLabel::Kind::Warning, ServerUrl::securityWarning(*url));
        urlOk = true;
    }

    const bool tokenOk = !m_tokenEdit->text().trimmed().isEmpty();
    m_testButton->setEnabled(urlOk && tokenOk);
    m_connectButton->setEnabled(nameOk && urlOk && tokenOk);
    m_removeButton->setEnabled(!edited.isEmpty() || !m_profiles->isEmpty());
}

void ConnectDialog::invalidateTest()
{
    ++m_testSerial; // an answer still on its way is for values that are gone
    m_identity.reset();
    m_testResult->clear();
}

void ConnectDialog::updateKeychainNotice()
{
    switch (m_tokens->availability()) {
    case TokenStore::Availability::Unknown:
        m_keychainNotice->setNotice(NoticeLabel::Kind::Information, tr("Looking for the system keychain…"));
        break;
    case TokenStore::Availability::Available:
        m_keychainNotice->setNotice(
            NoticeLabel::Kind::Positive, tr("The token will be kept in the system keychain, not in a settings file."));
        break;
    case TokenStore::Availability::Unavailable:
        m_keychainNotice->setNotice(NoticeLabel::Kind::Warning,
            tr("%1 The token will not be saved: Countersign will ask for it each time it starts.")
                .arg(m_tokens->unavailableReason()));
        break;
    }
}

void ConnectDialog::testConnection()
{
    const auto url = ServerUrl::parse(m_urlEdit->text());
    const QString token = m_tokenEdit->text().trimmed();
    if (!url || token.isEmpty())
        return;
    invalidateTest();
    const int serial = m_testSerial;
    if (!m_connection)
        m_connection = new ServerConnection(this);
    m_connection->setServer(*url, token);
    m_testButton->setEnabled(false);
    m_testResult->setNotice(NoticeLabel::Kind::Information, tr("Connecting to %1…").arg(url->host()));
    m_connection->whoAmI().then(this, [this, serial](const Result<UserIdentity> &result) {
        if (serial != m_testSerial)
            return;
        revalidate();
        if (!result) {
            qCInfo(lcSettings) << "Connection test failed:" << result.error().toString();
            m_testResult->setNotice(NoticeLabel::Kind::Error, ConnectionMessages::error(result.error()));
            Q_EMIT testFinished(false);
            return;
        }
        if (result->name.isEmpty()) {
            m_testResult->setNotice(NoticeLabel::Kind::Error,
                tr("The server answered, but not like a countersign-server: it did not say "
                   "who the token belongs to."));
            Q_EMIT testFinished(false);
            return;
        }
        m_identity = *result;
        m_testResult->setNotice(result->canReview() ? NoticeLabel::Kind::Positive : NoticeLabel::Kind::Warning,
            ConnectionMessages::identity(*result));
        Q_EMIT testFinished(true);
    });
}

void ConnectDialog::accept()
{
    const auto url = ServerUrl::parse(m_urlEdit->text());
    const auto name = ProfileStore::checkName(m_nameEdit->text());
    const QString token = m_tokenEdit->text().trimmed();
    if (!url || !name || token.isEmpty()) {
        revalidate();
        return;
    }
    const QString edited = editedProfile();
    Result<void> saved;
    if (edited.isEmpty()) {
        saved = m_profiles->add(ConnectionProfile{*name, *url});
    } else {
        saved = m_profiles->rename(edited, *name);
        if (saved)
            saved = m_profiles->setUrl(*name, *url);
    }
    if (!saved) {
        NoticeLabel *target = saved.error().field == QLatin1String("url") ? m_urlMessage : m_nameMessage;
        target->setNotice(NoticeLabel::Kind::Error, saved.error().message);
        return;
    }
    m_profiles->setLastUsed(*name);
    // Failing to reach the keychain is not a reason to refuse the connection: the token then
    // lives in memory for this run, as the notice said.
    m_tokens->write(*name, token).then(m_tokens, [](const Result<void> &written) {
        if (!written)
            qCWarning(lcSettings) << "The token was not saved:" << written.error().message;
    });
    m_accepted = *m_profiles->profile(*name);
    m_acceptedToken = token;
    QDialog::accept();
}

ConnectionProfile ConnectDialog::profile() const
{
    return m_accepted;
}

QString ConnectDialog::token() const
{
    return m_acceptedToken;
}

} // namespace Countersign
