#pragma once

#include <QDateTime>
#include <QJsonValue>

namespace Countersign {

// All times cross boundaries as UTC ISO 8601 with milliseconds ("2026-11-26T09:30:00.000Z").
QString toIsoUtc(const QDateTime &time);
QDateTime fromIsoUtc(const QString &text);
QJsonValue timeToJson(const QDateTime &time); // null for an invalid time

} // namespace Countersign
