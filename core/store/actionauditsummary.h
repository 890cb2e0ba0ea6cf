#pragma once

#include "domain/action.h"

#include <QByteArray>
#include <QJsonObject>

namespace Countersign {

// What an audit entry records as `after` for an action transition: the facts a reviewer of the
// log needs (state, tier, version, who holds or decided it, why) and hashes of the payloads
// rather than their text, so the log stays small and secrets in payloads do not spread.
QJsonObject actionAuditSummary(const Action &action);

// Hex SHA-256 of a payload's canonical JSON.
QByteArray payloadHash(const Payload &payload);

} // namespace Countersign
