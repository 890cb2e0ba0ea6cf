#pragma once

#include "domain/error.h"
#include "role.h"
#include "store/tokenrecord.h"

#include <QDateTime>

namespace Countersign {

class Store;

// Creates and revokes bearer tokens in a store, auditing each change. The token itself exists
// only in the return value: the store keeps its SHA-256. Used by `countersign-server token
// create`, the demo seeding and the admin API.
class TokenIssuer
{
public:
    struct Issued {
        TokenRecord record;
        QByteArray token;
    };

    static Result<Issued> issue(
        Store &store, Role role, const QString &name, const Identity &actor, const QDateTime &now);
    // Revokes every token of that name; returns how many.
    static Result<int> revoke(Store &store, const QString &name, const Identity &actor, const QDateTime &now);
    static Result<void> checkName(const QString &name);
};

} // namespace Countersign
