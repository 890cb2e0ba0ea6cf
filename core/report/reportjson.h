#pragma once

// Reading the JSON of reports back (the app, the quarterly export): what their fromJson()
// functions share, so each names a bad field the same way.
#include "domain/error.h"
#include "domain/timeformat.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Countersign::ReportJson {

// The UTC ISO 8601 time at `object[key]`; InvalidArgument naming `key` when it is none.
inline Result<QDateTime> time(const QJsonObject &object, const QString &key)
{
    const QDateTime t = fromIsoUtc(object.value(key).toString());
    if (!t.isValid())
        return fail(Error::invalid(key, QStringLiteral("must be a UTC ISO 8601 time")));
    return t;
}

// The window "from" and "to" of `object`, both UTC ISO 8601 times, into `from` and `to`.
inline Result<void> window(const QJsonObject &object, QDateTime &from, QDateTime &to)
{
    const auto start = time(object, QStringLiteral("from"));
    if (!start)
        return fail(start.error());
    const auto end = time(object, QStringLiteral("to"));
    if (!end)
        return fail(end.error());
    from = *start;
    to = *end;
    return {};
}

// Each element of `items` read with T::fromJson; a bad one's error names it as "key[i].field".
template<typename T>
Result<QList<T>> list(const QJsonArray &items, const QString &key)
{
    QList<T> read;
    read.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto item = T::fromJson(items.at(i).toObject());
        if (!item)
            return fail(Error::invalid(
                QStringLiteral("%1[%2].%3").arg(key).arg(i).arg(item.error().field), item.error().message));
        read.append(*item);
    }
    return read;
}

} // namespace Countersign::ReportJson
