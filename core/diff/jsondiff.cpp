#include "jsondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>

namespace Countersign {

namespace {

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'-';
    });
}

} // namespace

QString JsonDiff::keyPath(const QString &parent, const QString &key)
{
    if (isIdentifier(key))
        return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
    // Quoted like a JSON string, so that any key reads back unambiguously.
    const QByteArray quoted = QJsonDocument(QJsonArray{key}).toJson(QJsonDocument::Compact);
    return parent + QLatin1Char('[') + QString::fromUtf8(quoted.mid(1, quoted.size() - 2)) + QLatin1Char(']');
}

QString JsonDiff::indexPath(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString JsonDiff::display(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // A scalar: wrap it in an array to let QJsonDocument write it, then unwrap.
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    }
}

std::optional<QJsonValue> JsonDiff::parse(const QString &text)
{
    const QByteArray utf8 = text.trimmed().toUtf8();
    if (utf8.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError) {
        if (document.isObject())
            return QJsonValue(document.object());
        return QJsonValue(document.array());
    }
    // A bare scalar ("42", "\"text\"", "true"): parse it as an array's element.
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + utf8 + ']', &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
        return std::nullopt;
    return wrapped.array().first();
}

QList<JsonDiff::Change> JsonDiff::compare(const QJsonValue &left, const QJsonValue &right)
{
    QList<Change> changes;
    compareInto(changes, QString(), left, right);
    return changes;
}

void JsonDiff::compareInto(QList<Change> &changes, const QString &path, const QJsonValue &left, const QJsonValue &right)
{
    if (left.isObject() && right.isObject()) {
        const QJsonObject a = left.toObject();
        const QJsonObject b = right.toObject();
        QStringList keys = a.keys() + b.keys(); // each sorted already
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : std::as_const(keys)) {
            const QString member = keyPath(path, key);
            if (!a.contains(key))
                changes.append(Change{Change::Kind::Added, member, QJsonValue(QJsonValue::Undefined), b.value(key)});
            else if (!b.contains(key))
                changes.append(Change{Change::Kind::Removed, member, a.value(key), QJsonValue(QJsonValue::Undefined)});
            else
                compareInto(changes, member, a.value(key), b.value(key));
        }
        return;
    }
    if (left.isArray() && right.isArray()) {
        const QJsonArray a = left.toArray();
        const QJsonArray b = right.toArray();
        for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i) {
            const QString element = indexPath(path, i);
            if (i >= a.size())
                changes.append(Change{Change::Kind::Added, element, QJsonValue(QJsonValue::Undefined), b.at(i)});
            else if (i >= b.size())
                changes.append(Change{Change::Kind::Removed, element, a.at(i), QJsonValue(QJsonValue::Undefined)});
            else
                compareInto(changes, element, a.at(i), b.at(i));
        }
        return;
    }
    if (left != right)
        changes.append(Change{Change::Kind::Changed, path, left, right});
}

} // namespace Countersign
