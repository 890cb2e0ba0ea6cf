#include "tokenissuer.h"

#include "store/store.h"
#include "tokenauthenticator.h"

#include <QRegularExpression>

namespace Countersign {

Result<void> TokenIssuer::checkName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$"));
    if (!pattern.match(name).hasMatch())
        return fail(Error::invalid(QStringLiteral("name"),
            QStringLiteral("must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)")));
    return {};
}

Result<TokenIssuer::Issued> TokenIssuer::issue(
    Store &store, Role role, const QString &name, const Identity &actor, const QDateTime &now)
{
    if (auto ok = checkName(name); !ok)
        return fail(ok.error());
    Issued issued;
    issued.token = TokenAuthenticator::generateToken();
    issued.record = TokenRecord{name, roleName(role), TokenAuthenticator::hashToken(issued.token), now, false};
    if (auto saved = store.saveToken(issued.record); !saved)
        return fail(saved.error());
    AuditEntry entry;
    entry.time = now;
    entry.actor = actor.name;
    entry.role = roleName(actor.role);
    entry.kind = QStringLiteral("token.created");
    entry.subject = name;
    entry.after = QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("hash_prefix"), QString::fromLatin1(issued.record.hash.first(12))}};
    if (auto audited = store.appendAudit(entry); !audited)
        return fail(audited.error());
    return issued;
}

Result<int> TokenIssuer::revoke(Store &store, const QString &name, const Identity &actor, const QDateTime &now)
{
    auto tokens = store.tokens();
    if (!tokens)
        return fail(tokens.error());
    int revoked = 0;
    for (TokenRecord t : std::as_const(*tokens)) {
        if (t.name != name || t.revoked)
            continue;
        t.revoked = true;
        if (auto saved = store.saveToken(t); !saved)
            return fail(saved.error());
        AuditEntry entry;
        entry.time = now;
        entry.actor = actor.name;
        entry.role = roleName(actor.role);
        entry.kind = QStringLiteral("token.revoked");
        entry.subject = name;
        entry.after = QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("role"), t.role},
            {QStringLiteral("hash_prefix"), QString::fromLatin1(t.hash.first(12))}};
        if (auto audited = store.appendAudit(entry); !audited)
            return fail(audited.error());
        ++revoked;
    }
    if (revoked == 0)
        return fail(Error::notFound(QStringLiteral("no active token named %1").arg(name)));
    return revoked;
}

} // namespace Countersign
