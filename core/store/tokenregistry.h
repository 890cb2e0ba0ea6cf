#pragma once

#include "domain/error.h"
#include "tokenrecord.h"

#include <QList>

#include <optional>

namespace Countersign {

// The API tokens; only their hashes are stored. (Not ui/settings' TokenStore, the app's keychain.)
class TokenRegistry
{
public:
    virtual ~TokenRegistry() = default;

    virtual Result<void> saveToken(const TokenRecord &token) = 0;
    virtual Result<std::optional<TokenRecord>> tokenByHash(const QByteArray &hash) = 0;
    virtual Result<QList<TokenRecord>> tokens() = 0;
};

} // namespace Countersign
