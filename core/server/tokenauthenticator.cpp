#include "tokenauthenticator.h"

#include "httperrors.h"
#include "logging.h"
#include "storeworker.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace Countersign {

namespace {

constexpr int UnknownTtlMs = 5000; // a refused hash is not looked up again for this long
constexpr qsizetype MaxUnknown = 10000;

} // namespace

TokenAuthenticator::TokenAuthenticator(StoreWorker *worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
{ }

QByteArray TokenAuthenticator::hashToken(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QByteArray TokenAuthenticator::generateToken()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return "cs_" + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Error TokenAuthenticator::unknownToken()
{
    return HttpErrors::unauthorized(QStringLiteral("the token is not valid"));
}

bool TokenAuthenticator::isWellFormed(QByteArrayView token)
{
    constexpr qsizetype Length = 3 + 43;
    if (token.size() != Length || !token.startsWith("cs_"))
        return false;
    return std::all_of(token.begin() + 3, token.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

QByteArray TokenAuthenticator::extractToken(const QHttpHeaders &headers, const QUrlQuery &query, bool allowQuery)
{
    const QByteArray authorization = headers.value(QHttpHeaders::WellKnownHeader::Authorization).toByteArray();
    if (authorization.size() > 7 && authorization.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return authorization.sliced(7).trimmed();
    if (allowQuery && query.hasQueryItem(QStringLiteral("token")))
        return query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
    return {};
}

Result<void> TokenAuthenticator::load()
{
    auto tokens = m_worker->call<QList<TokenRecord>>([](TokenRegistry &registry) {
        return registry.tokens();
    });
    if (!tokens)
        return fail(tokens.error());
    m_known.clear();
    for (const auto &t : std::as_const(*tokens))
        m_known.insert(t.hash, t);
    return {};
}

void TokenAuthenticator::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_worker->read<QList<TokenRecord>>(
        this,
        [](TokenRegistry &registry) {
            return registry.tokens();
        },
        [this](Result<QList<TokenRecord>> tokens) {
            m_refreshing = false;
            if (!tokens) {
                qCWarning(lcServer) << "cannot refresh tokens:" << tokens.error().toString();
                return;
            }
            merge(*tokens);
        });
}

void TokenAuthenticator::merge(const QList<TokenRecord> &tokens)
{
    QHash<QByteArray, TokenRecord> known;
    known.reserve(tokens.size());
    QSet<QByteArray> invalidated;
    for (TokenRecord t : tokens) {
        const auto before = m_known.constFind(t.hash);
        if (before != m_known.cend()) {
            // A read that started before a revocation here committed must not undo it.
            t.revoked = t.revoked || before->revoked;
            if ((t.revoked && !before->revoked) || t.role != before->role || t.name != before->name)
                invalidated.insert(t.hash);
        }
        known.insert(t.hash, t);
    }
    // A token missing from the read (created after it started) stays known: tokens are never
    // deleted, only revoked.
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (!known.contains(it.key()))
            known.insert(it.key(), it.value());
    }
    m_known = std::move(known);
    if (!invalidated.isEmpty()) {
        qCInfo(lcServer) << invalidated.size() << "token(s) revoked or changed elsewhere";
        Q_EMIT tokensInvalidated(invalidated);
    }
}

void TokenAuthenticator::remember(const TokenRecord &record)
{
    m_known.insert(record.hash, record);
    m_unknown.remove(record.hash);
}

void TokenAuthenticator::revokeName(const QString &name)
{
    QSet<QByteArray> invalidated;
    for (auto it = m_known.begin(); it != m_known.end(); ++it) {
        if (it->name == name && !it->revoked) {
            it->revoked = true;
            invalidated.insert(it.key());
        }
    }
    if (!invalidated.isEmpty())
        Q_EMIT tokensInvalidated(invalidated);
}

std::optional<Result<Identity>> TokenAuthenticator::cached(const QByteArray &hash) const
{
    const auto it = m_known.constFind(hash);
    if (it != m_known.cend()) {
        if (it->revoked)
            return fail(HttpErrors::unauthorized(QStringLiteral("the token has been revoked")));
        const auto role = roleFromName(it->role);
        if (!role)
            return fail(unknownToken());
        return Result<Identity>(Identity{it->name, *role});
    }
    const auto refused = m_unknown.constFind(hash);
    if (refused != m_unknown.cend()) {
        if (!refused->hasExpired())
            return fail(unknownToken());
        m_unknown.erase(refused);
    }
    return std::nullopt;
}

Result<Identity> TokenAuthenticator::fromRecord(const std::optional<TokenRecord> &record, const QByteArray &hash)
{
    if (!record) {
        if (m_unknown.size() >= MaxUnknown)
            m_unknown.clear();
        m_unknown.insert(hash, QDeadlineTimer(UnknownTtlMs));
        return fail(unknownToken());
    }
    m_known.insert(hash, *record);
    return *cached(hash);
}

void TokenAuthenticator::resolve(const QByteArray &hash, std::function<void(Result<Identity>)> done)
{
    if (auto known = cached(hash)) {
        done(std::move(*known));
        return;
    }
    m_worker->read<std::optional<TokenRecord>>(
        this,
        [hash](TokenRegistry &registry) {
            return registry.tokenByHash(hash);
        },
        [this, hash, done = std::move(done)](Result<std::optional<TokenRecord>> record) {
            if (!record) {
                done(fail(record.error()));
                return;
            }
            done(fromRecord(*record, hash));
        });
}

} // namespace Countersign
