#pragma once

#include "domain/error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

#include <optional>

// Small helpers shared by the policy parser and the condition parser: JSON paths in the form
// the errors use ("rules[1].when.context.amount_above") and uniform messages.
namespace Countersign::PolicyJson {

QString child(const QString &path, const QString &key);
QString element(const QString &path, qsizetype index);

// "a string", "a number", "an object", ... for "must be X, not Y" messages.
QString describe(const QJsonValue &value);

// Appends "<path>.<key>: unknown key" for every key of `object` not in `allowed`: a typo must
// never be ignored, since an ignored condition or setting could loosen the policy.
void rejectUnknownKeys(
    const QJsonObject &object, const QString &path, const QStringList &allowed, QList<Error> &errors);

// The path of the first key that appears twice in one object of `json`, which must be valid
// JSON. QJsonDocument silently keeps one of the two values; for a policy that could be the
// looser one, so the parser refuses duplicates instead.
std::optional<QString> findDuplicateKey(QByteArrayView json);

} // namespace Countersign::PolicyJson
