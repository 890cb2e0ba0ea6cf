#pragma once

#include "domain/error.h"

#include <QFuture>
#include <QHash>
#include <QObject>

namespace Countersign {

// Keeps each profile's API token in the OS keychain (QtKeychain, key "countersign/<profile>").
// Where no keychain service answers (no Secret Service or KWallet on D-Bus, or a build without
// QtKeychain) tokens are kept in memory for this run only and never written anywhere: the app
// then asks for the token at each start. Tokens already read or written are cached in memory.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Automatic, // the keychain when one answers, else memory only
        SessionOnly, // never touch the keychain
    };
    Q_ENUM(Mode)
    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    explicit TokenStore(Mode mode = Mode::Automatic, QObject *parent = nullptr);
    ~TokenStore() override;

    static bool keychainCompiledIn();
    static QString keyFor(const QString &profile);
    static QString serviceName();

    Mode mode() const { return m_mode; }
    // Unknown until probe() has finished (or a keychain job has answered).
    Availability availability() const { return m_availability; }
    bool isPersistent() const { return m_availability == Availability::Available; }
    // Why tokens are not stored, for the connect dialog; empty when they are.
    QString unavailableReason() const { return m_reason; }

    // Finds out whether a keychain service answers; emits availabilityChanged() when known.
    QFuture<Availability> probe();

    // The stored token, or an empty string when there is none.
    QFuture<Result<QString>> read(const QString &profile);
    QFuture<Result<void>> write(const QString &profile, const QString &token);
    QFuture<Result<void>> remove(const QString &profile);
    // Moves a token to a renamed profile.
    QFuture<Result<void>> move(const QString &from, const QString &to);

Q_SIGNALS:
    void availabilityChanged(Countersign::TokenStore::Availability availability);

private:
    void setAvailability(Availability availability, const QString &reason);
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    QFuture<Result<QString>> readFromKeychain(const QString &profile);
    QFuture<Result<void>> writeToKeychain(const QString &profile, const QString &token);
    QFuture<Result<void>> removeFromKeychain(const QString &profile);
#endif

    Mode m_mode;
    Availability m_availability = Availability::Unknown;
    QString m_reason;
    QHash<QString, QString> m_session;
    // Bumped by every write or removal of a profile's token, so that a move still waiting for
    // its read does not overwrite a token written after it started.
    QHash<QString, quint64> m_generation;
    QFuture<Availability> m_probe;
};

} // namespace Countersign
