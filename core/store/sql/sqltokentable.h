#pragma once

#include "../tokenrecord.h"
#include "domain/error.h"

#include <optional>

namespace Countersign {

class SqlConnection;

// The tokens table in SQL both backends speak: hashes only, never a token in clear.
class SqlTokenTable
{
public:
    explicit SqlTokenTable(SqlConnection &connection);

    // Saving a known hash again updates it (revocation, renaming); its creation time stays.
    Result<void> save(const TokenRecord &token, const QDateTime &now);
    Result<std::optional<TokenRecord>> byHash(const QByteArray &hash);
    Result<QList<TokenRecord>> all();

private:
    SqlConnection &m_connection;
};

} // namespace Countersign
