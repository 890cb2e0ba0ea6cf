#pragma once

#include <QJsonValue>
#include <QString>

namespace Countersign {

// The shared wording of JSON validation errors, so the policy parser and the server's request
// checks name fields and types the same way.

// "parent.key", or just "key" at the top level.
QString jsonChildPath(const QString &path, const QString &key);
// "a string", "an array", ... for messages like "must be a number, not a string"; "missing" when absent.
QString jsonTypeDescription(const QJsonValue &value);

} // namespace Countersign
