#pragma once

#include <QDateTime>
#include <QString>

namespace Countersign {

// A new action id: a UUID version 7 (RFC 9562), whose first 48 bits are the creation time in
// milliseconds and the rest random. Ids made later sort after earlier ones as text, so every
// index keyed on the id grows at its right edge: a batch of inserts touches a few pages
// instead of one random page each.
QString newActionId(const QDateTime &now);

} // namespace Countersign
