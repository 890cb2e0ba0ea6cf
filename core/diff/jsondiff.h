#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Countersign {

// A key-by-key comparison of two JSON documents (a tool call's arguments before and after):
// which keys were added, removed or changed, each named by its path ("a.b[2].c"). Object keys
// compare regardless of their order (JSON objects have none); array elements compare by
// position. A value whose type changes (object to string, ...) is one change, not a list of
// its members.
class JsonDiff
{
public:
    struct Change {
        enum class Kind { Added, Removed, Changed };
        Kind kind = Kind::Changed;
        QString path; // empty: the document itself
        QJsonValue left; // Undefined when added
        QJsonValue right; // Undefined when removed

        friend bool operator==(const Change &, const Change &) = default;
    };

    // The changes, objects' keys in sorted order, depth first.
    static QList<Change> compare(const QJsonValue &left, const QJsonValue &right);
    // The text as JSON (an object, an array or a scalar); nullopt when it is not JSON.
    static std::optional<QJsonValue> parse(const QString &text);
    // A member's path: "a.b" for identifier-like keys, a["x y"] for others; "[3]" for elements.
    static QString keyPath(const QString &parent, const QString &key);
    static QString indexPath(const QString &parent, qsizetype index);
    // A value as one line for a table cell: scalars as JSON ("text" quoted), containers compact.
    static QString display(const QJsonValue &value);

private:
    static void compareInto(
        QList<Change> &changes, const QString &path, const QJsonValue &left, const QJsonValue &right);
};

} // namespace Countersign
