#pragma once

#include "domain/actionquery.h"
#include "domain/error.h"

#include <variant>

namespace Countersign {

// The keyset position an action listing continues from: the sort, the sort key of the last item
// returned and its id (ties on the key are broken by id). Callers see it only as an opaque
// base64url token, so the encoding may change without breaking them between releases.
struct QueryCursor {
    ActionQuery::Sort sort = ActionQuery::Sort::Age;
    // Deadline and Age: milliseconds since the epoch (a missing deadline sorts as the maximum);
    // Confidence: the confidence itself.
    std::variant<qint64, double> key;
    QString id;

    QString encode() const;
    // Rejects malformed tokens and tokens of another sort order (InvalidArgument, field "cursor").
    static Result<QueryCursor> decode(const QString &token, ActionQuery::Sort expectedSort);
};

} // namespace Countersign
