#include "profilestore.h"

#include "serverurl.h"
#include "settingslogging.h"
#include "tokenstore.h"

namespace Countersign {

namespace {

constexpr QLatin1StringView ProfilesGroup{"profiles"};
constexpr QLatin1StringView NameKey{"name"};
constexpr QLatin1StringView UrlKey{"url"};
constexpr QLatin1StringView LastUsedKey{"connection/lastProfile"};

void logTokenError(const Result<void> &r)
{
    if (!r)
        qCWarning(lcSettings) << "Could not update a token in the keychain:" << r.error().message;
}

} // namespace

ProfileStore::ProfileStore(TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
{
    reload();
}

ProfileStore::~ProfileStore() = default;

void ProfileStore::reload()
{
    m_settings.sync();
    m_profiles.clear();
    const int count = m_settings.beginReadArray(ProfilesGroup);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        const auto name = checkName(m_settings.value(NameKey).toString());
        const auto url = ServerUrl::parse(m_settings.value(UrlKey).toString());
        // A hand-edited file may hold junk; skip it rather than show a profile that cannot work.
        if (!name || !url || indexOf(*name) >= 0) {
            qCWarning(lcSettings) << "Ignoring an invalid profile entry" << i << "in" << m_settings.fileName();
            continue;
        }
        m_profiles.append(ConnectionProfile{*name, *url});
    }
    m_settings.endArray();
}

void ProfileStore::save()
{
    m_settings.remove(ProfilesGroup);
    m_settings.beginWriteArray(ProfilesGroup, int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(NameKey, m_profiles.at(i).name);
        m_settings.setValue(UrlKey, m_profiles.at(i).url.toString());
    }
    m_settings.endArray();
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError)
        qCWarning(lcSettings) << "Could not save the profiles to" << m_settings.fileName();
    Q_EMIT profilesChanged();
}

qsizetype ProfileStore::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &name) const
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return std::nullopt;
    return m_profiles.at(i);
}

bool ProfileStore::contains(const QString &name) const
{
    return indexOf(name) >= 0;
}

Result<QString> ProfileStore::checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return fail(Error::invalid(QStringLiteral("name"), tr("Give the profile a name.")));
    if (trimmed.size() > MaxNameLength)
        return fail(Error::invalid(
            QStringLiteral("name"), tr("The name is too long (at most %1 characters).").arg(MaxNameLength)));
    for (const QChar c : trimmed) {
        if (!c.isPrint())
            return fail(Error::invalid(QStringLiteral("name"), tr("The name contains a control character.")));
    }
    return trimmed;
}

QString ProfileStore::unusedName(const QString &base) const
{
    if (!contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!contains(candidate))
            return candidate;
    }
}

Result<void> ProfileStore::add(const ConnectionProfile &profile)
{
    const auto name = checkName(profile.name);
    if (!name)
        return fail(name.error());
    if (contains(*name))
        return fail(Error::invalid(QStringLiteral("name"), tr("A profile named “%1” already exists.").arg(*name)));
    const auto url = ServerUrl::parse(profile.url.toString());
    if (!url)
        return fail(url.error());
    m_profiles.append(ConnectionProfile{*name, *url});
    save();
    return {};
}

Result<void> ProfileStore::setUrl(const QString &name, const QUrl &url)
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return fail(Error::notFound(tr("There is no profile named “%1”.").arg(name)));
    const auto checked = ServerUrl::parse(url.toString());
    if (!checked)
        return fail(checked.error());
    if (m_profiles.at(i).url == *checked)
        return {};
    m_profiles[i].url = *checked;
    save();
    return {};
}

Result<void> ProfileStore::rename(const QString &from, const QString &to)
{
    const qsizetype i = indexOf(from);
    if (i < 0)
        return fail(Error::notFound(tr("There is no profile named “%1”.").arg(from)));
    const auto name = checkName(to);
    if (!name)
        return fail(name.error());
    const qsizetype existing = indexOf(*name);
    if (existing >= 0 && existing != i)
        return fail(Error::invalid(QStringLiteral("name"), tr("A profile named “%1” already exists.").arg(*name)));
    const QString old = m_profiles.at(i).name;
    if (old == *name)
        return {};
    const bool wasLastUsed = storedLastUsed().compare(old, Qt::CaseInsensitive) == 0;
    m_profiles[i].name = *name;
    if (wasLastUsed)
        m_settings.setValue(LastUsedKey, *name);
    save();
    if (m_tokens)
        m_tokens->move(old, *name).then(this, logTokenError);
    return {};
}

Result<void> ProfileStore::remove(const QString &name)
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return fail(Error::notFound(tr("There is no profile named “%1”.").arg(name)));
    const QString removed = m_profiles.takeAt(i).name;
    if (storedLastUsed().compare(removed, Qt::CaseInsensitive) == 0)
        m_settings.remove(LastUsedKey);
    save();
    if (m_tokens)
        m_tokens->remove(removed).then(this, logTokenError);
    return {};
}

QString ProfileStore::storedLastUsed() const
{
    return m_settings.value(LastUsedKey).toString();
}

QString ProfileStore::lastUsed() const
{
    const qsizetype i = indexOf(storedLastUsed());
    if (i >= 0)
        return m_profiles.at(i).name;
    return m_profiles.isEmpty() ? QString() : m_profiles.constFirst().name;
}

void ProfileStore::setLastUsed(const QString &name)
{
    const qsizetype i = indexOf(name);
    if (i < 0)
        return;
    m_settings.setValue(LastUsedKey, m_profiles.at(i).name);
    m_settings.sync();
}

} // namespace Countersign
