#include "policyjson.h"

#include "domain/jsonwording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Countersign::PolicyJson {

QString child(const QString &path, const QString &key)
{
    return jsonChildPath(path, key);
}

QString element(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

QString describe(const QJsonValue &value)
{
    return jsonTypeDescription(value);
}

void rejectUnknownKeys(const QJsonObject &object, const QString &path, const QStringList &allowed, QList<Error> &errors)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            errors.append(Error::invalid(child(path, it.key()),
                QStringLiteral("unknown key (expected one of: %1)").arg(allowed.join(QStringLiteral(", ")))));
    }
}

namespace {

struct Frame {
    bool isObject = false;
    QString path;
    QSet<QString> keys;
    QString lastKey;
    qsizetype index = 0;
    bool expectKey = false;
};

QString decodeKey(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    // Let Qt undo the escapes, so "\u0061" and "a" count as the same key.
    const QByteArray wrapped = "[\"" + raw.toByteArray() + "\"]";
    return QJsonDocument::fromJson(wrapped).array().at(0).toString();
}

} // namespace

std::optional<QString> findDuplicateKey(QByteArrayView json)
{
    QList<Frame> stack;
    auto valuePath = [&stack]() -> QString {
        if (stack.isEmpty())
            return {};
        const Frame &top = stack.constLast();
        return top.isObject ? child(top.path, top.lastKey) : element(top.path, top.index);
    };

    for (qsizetype i = 0; i < json.size(); ++i) {
        const char ch = json.at(i);
        switch (ch) {
        case '{':
        case '[': {
            Frame frame;
            frame.isObject = ch == '{';
            frame.expectKey = frame.isObject;
            frame.path = valuePath();
            stack.append(std::move(frame));
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ',':
            if (!stack.isEmpty()) {
                Frame &top = stack.last();
                if (top.isObject)
                    top.expectKey = true;
                else
                    ++top.index;
            }
            break;
        case '"': {
            const qsizetype start = i + 1;
            ++i;
            while (i < json.size() && json.at(i) != '"')
                i += json.at(i) == '\\' ? 2 : 1;
            if (!stack.isEmpty() && stack.constLast().isObject && stack.constLast().expectKey) {
                Frame &top = stack.last();
                const QString key = decodeKey(json.sliced(start, std::min(i, json.size()) - start));
                if (top.keys.contains(key))
                    return child(top.path, key);
                top.keys.insert(key);
                top.lastKey = key;
                top.expectKey = false;
            }
            break;
        }
        default:
            break; // whitespace, ':', numbers, literals
        }
    }
    return std::nullopt;
}

} // namespace Countersign::PolicyJson
