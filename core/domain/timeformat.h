#pragma once

#include <QDateTime>
#include <QJsonValue>

namespace Countersign {

// All times cross boundaries as UTC ISO 8601 with milliseconds ("2026-11-26T09:30:00.000Z").
QString toIsoUtc(const QDateTime &time);
QDateTime fromIsoUtc(const QString &text);
// A time a client sends (RFC 3339: date, time and a zone, "Z" or "+02:00"); invalid without a
// zone, since a time without one means different instants to client and server.
QDateTime fromRfc3339(const QString &text);
QJsonValue timeToJson(const QDateTime &time); // null for an invalid time

} // namespace Countersign
