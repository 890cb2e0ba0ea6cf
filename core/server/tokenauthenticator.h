#pragma once

#include "domain/error.h"
#include "role.h"
#include "store/tokenrecord.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QHttpHeaders>
#include <QObject>
#include <QSet>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace Countersign {

class StoreWorker;

// Turns bearer tokens into identities. Tokens are stored only as SHA-256 hashes; the table is
// small, so it is kept in memory (loaded at start, refreshed now and then) and a request never
// waits on the database to be authenticated, except for a token created behind the server's
// back (by `countersign-server token create`), which is looked up once.
//
// A token that stops being valid (revoked here, or seen revoked or with another role on a
// refresh: another instance or another process changed it) is reported by tokensInvalidated(),
// so what it holds open (WebSockets, long polls) can be ended too. A revocation is final: a
// refresh that read the table before it committed does not bring the token back.
class TokenAuthenticator : public QObject
{
    Q_OBJECT
public:
    explicit TokenAuthenticator(StoreWorker *worker, QObject *parent = nullptr);

    static QByteArray hashToken(QByteArrayView token); // hex SHA-256
    static QByteArray generateToken(); // "cs_" + 43 url-safe characters (256 random bits)
    // Whether `token` has the shape generateToken() gives; anything else is refused unlooked.
    static bool isWellFormed(QByteArrayView token);
    static Error unknownToken(); // 401: not a token this server knows
    // "Authorization: Bearer T", or `token` in the query when `allowQuery` (WebSockets: browsers
    // cannot set headers on them). Empty when absent.
    static QByteArray extractToken(const QHttpHeaders &headers, const QUrlQuery &query, bool allowQuery);

    // Loads every token; call once the store is open.
    Result<void> load();
    void refresh(); // asynchronous reload; one at a time
    void remember(const TokenRecord &record); // a token the server just created
    void revokeName(const QString &name); // takes effect at once, before the next refresh

    // Known answer from memory: an identity, an error (unknown, revoked), or nullopt when the
    // hash must be looked up.
    std::optional<Result<Identity>> cached(const QByteArray &hash) const;
    // Asynchronous: `done` runs on this object's thread.
    void resolve(const QByteArray &hash, std::function<void(Result<Identity>)> done);

Q_SIGNALS:
    // Token hashes that no longer stand for what they did: revoked, or another role.
    void tokensInvalidated(const QSet<QByteArray> &hashes);

private:
    void merge(const QList<TokenRecord> &tokens);
    Result<Identity> fromRecord(const std::optional<TokenRecord> &record, const QByteArray &hash);

    StoreWorker *m_worker;
    QHash<QByteArray, TokenRecord> m_known;
    mutable QHash<QByteArray, QDeadlineTimer> m_unknown; // recently refused hashes
    bool m_refreshing = false;
};

} // namespace Countersign
