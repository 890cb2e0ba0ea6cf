#pragma once

#include "connectionprofile.h"
#include "domain/error.h"

#include <QList>
#include <QObject>
#include <QSettings>

#include <optional>

namespace Countersign {

class TokenStore;

// The list of server profiles (name and URL), kept with QSettings under "profiles/", and the
// one used last. Tokens are never written here: renaming or removing a profile moves or deletes
// its token in the TokenStore given at construction (if any).
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxNameLength = 64;

    explicit ProfileStore(TokenStore *tokens = nullptr, QObject *parent = nullptr);
    ~ProfileStore() override;

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    bool isEmpty() const { return m_profiles.isEmpty(); }
    std::optional<ConnectionProfile> profile(const QString &name) const;
    bool contains(const QString &name) const;

    // Adds a profile; the name must be new (case-insensitively) and the URL valid.
    Result<void> add(const ConnectionProfile &profile);
    Result<void> setUrl(const QString &name, const QUrl &url);
    Result<void> rename(const QString &from, const QString &to);
    Result<void> remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // A trimmed, non-empty, printable name of at most MaxNameLength characters.
    static Result<QString> checkName(const QString &name);
    // "Server", "Server 2", ...: a default name not used yet.
    QString unusedName(const QString &base) const;

    QString fileName() const { return m_settings.fileName(); }
    // Re-reads the profiles from the settings file.
    void reload();

Q_SIGNALS:
    void profilesChanged();

private:
    qsizetype indexOf(const QString &name) const;
    QString storedLastUsed() const;
    void save();

    TokenStore *m_tokens;
    QSettings m_settings;
    QList<ConnectionProfile> m_profiles;
};

} // namespace Countersign
