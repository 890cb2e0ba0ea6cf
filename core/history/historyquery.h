#pragma once

#include <QDateTime>
#include <QString>

namespace Countersign {

// Which part of the local history to list or export.
struct HistoryQuery {
    QString text; // matched against title, type, category, reason, action id
    QString outcome; // empty: any
    QDateTime from; // inclusive; invalid: open
    QDateTime to; // exclusive; invalid: open
    int limit = 500;
    int offset = 0;
};

} // namespace Countersign
