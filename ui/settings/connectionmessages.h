#pragma once

#include "client/useridentity.h"
#include "domain/error.h"

#include <QCoreApplication>

namespace Countersign {

// Sentences for what a connection attempt found: who a token belongs to, or what went wrong,
// in words a reviewer can act on (never raw JSON or HTTP jargon alone).
class ConnectionMessages
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionMessages)

public:
    // "Connected as Alice (reviewer)." plus a note when the role cannot review.
    static QString identity(const UserIdentity &identity);
    static QString error(const Error &error);
};

} // namespace Countersign
