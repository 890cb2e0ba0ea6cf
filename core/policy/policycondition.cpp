#include "policycondition.h"

#include "policyjson.h"

#include "domain/error.h"

#include <QJsonArray>

#include <cmath>

namespace Countersign {

using PolicyJson::child;
using PolicyJson::describe;
using PolicyJson::element;

namespace {

constexpr QLatin1StringView ContextPrefix("context.");

// Reads a string or a non-empty list of strings; `check` validates each one and returns an
// error message, or an empty string when the item is fine.
template<typename Check>
QStringList stringOrList(const QJsonValue &value, const QString &path, QList<Error> &errors, Check check)
{
    QStringList items;
    auto take = [&](const QJsonValue &item, const QString &itemPath) {
        if (!item.isString() || item.toString().isEmpty()) {
            errors.append(
                Error::invalid(itemPath, QStringLiteral("must be a non-empty string, not %1").arg(describe(item))));
            return;
        }
        const QString problem = check(item.toString());
        if (!problem.isEmpty())
            errors.append(Error::invalid(itemPath, problem));
        items.append(item.toString());
    };
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            errors.append(Error::invalid(path, QStringLiteral("must not be an empty list")));
        for (qsizetype i = 0; i < array.size(); ++i)
            take(array.at(i), element(path, i));
    } else {
        take(value, path);
    }
    return items;
}

QJsonValue lookup(const QJsonObject &context, const QStringList &path)
{
    QJsonValue value = context;
    for (const QString &segment : path) {
        if (value.isObject()) {
            value = value.toObject().value(segment);
        } else if (value.isArray()) {
            bool ok = false;
            const qsizetype index = segment.toLongLong(&ok);
            const QJsonArray array = value.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            value = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return value;
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

std::optional<QString> textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::abs(d) < 9.0e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    default:
        return std::nullopt;
    }
}

} // namespace

PolicyCondition PolicyCondition::parse(
    const QJsonValue &when, const QString &path, const QSet<QString> *categories, QList<Error> &errors)
{
    PolicyCondition c;
    if (!when.isObject()) {
        errors.append(
            Error::invalid(path, QStringLiteral("must be an object of conditions, not %1").arg(describe(when))));
        return c;
    }
    const QJsonObject object = when.toObject();
    if (object.isEmpty()) {
        // An empty `when` would match every action; say so explicitly with "type": "*".
        errors.append(
            Error::invalid(path, QStringLiteral("must name at least one condition (use \"type\": \"*\" for all)")));
        return c;
    }

    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const QString keyPath = child(path, key);

        if (key == QLatin1String("type")) {
            const QStringList patterns = stringOrList(value, keyPath, errors, [](const QString &t) {
                for (const QChar ch : t) {
                    if (ch.isSpace())
                        return QStringLiteral("an action type contains no spaces");
                }
                return QString();
            });
            for (const QString &p : patterns)
                c.m_types.append(TypePattern(p));
        } else if (key == QLatin1String("category")) {
            c.m_categories = stringOrList(value, keyPath, errors, [categories](const QString &name) {
                return !categories || categories->contains(name) ? QString()
                                                                 : QStringLiteral("unknown category \"%1\"").arg(name);
            });
        } else if (key == QLatin1String("confidence_below")) {
            if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
                errors.append(Error::invalid(keyPath, QStringLiteral("must be a number between 0 and 1")));
            else
                c.m_confidenceBelow = value.toDouble();
        } else if (key.startsWith(ContextPrefix)) {
            static const std::array<std::pair<QLatin1StringView, Comparison>, 4> suffixes{{
                {QLatin1StringView("_above"), Comparison::Above},
                {QLatin1StringView("_below"), Comparison::Below},
                {QLatin1StringView("_equals"), Comparison::Equals},
                {QLatin1StringView("_matches"), Comparison::Matches},
            }};
            ContextTest test;
            QString field;
            bool known = false;
            for (const auto &[suffix, comparison] : suffixes) {
                if (key.endsWith(suffix)) {
                    test.comparison = comparison;
                    field = key.sliced(ContextPrefix.size(), key.size() - ContextPrefix.size() - suffix.size());
                    known = true;
                    break;
                }
            }
            if (!known) {
                errors.append(Error::invalid(keyPath,
                    QStringLiteral(
                        "unknown condition: a context condition ends in _above, _below, _equals or _matches")));
                continue;
            }
            test.path = field.split(u'.');
            if (field.isEmpty() || test.path.contains(QString())) {
                errors.append(Error::invalid(keyPath,
                    QStringLiteral("must name a context field, e.g. \"context.amount_above\" or "
                                   "\"context.customer.tier_equals\"")));
                continue;
            }
            switch (test.comparison) {
            case Comparison::Above:
            case Comparison::Below:
                if (!value.isDouble()) {
                    errors.append(Error::invalid(keyPath, QStringLiteral("must be a number")));
                    continue;
                }
                test.number = value.toDouble();
                break;
            case Comparison::Equals:
                if (!value.isString() && !value.isDouble() && !value.isBool()) {
                    errors.append(Error::invalid(
                        keyPath, QStringLiteral("must be a string, number or boolean, not %1").arg(describe(value))));
                    continue;
                }
                test.value = value;
                break;
            case Comparison::Matches:
                if (!value.isString()) {
                    errors.append(Error::invalid(
                        keyPath, QStringLiteral("must be a regular expression string, not %1").arg(describe(value))));
                    continue;
                }
                // isValid() compiles (and JIT-compiles) the pattern now, once; Qt guards that
                // step with a mutex, so matching from several threads afterwards is safe.
                test.regex = QRegularExpression(value.toString());
                if (!test.regex.isValid()) {
                    errors.append(Error::invalid(keyPath,
                        QStringLiteral("invalid regular expression: %1 at offset %2")
                            .arg(test.regex.errorString())
                            .arg(test.regex.patternErrorOffset())));
                    continue;
                }
                break;
            }
            c.m_context.append(std::move(test));
        } else {
            errors.append(Error::invalid(keyPath,
                QStringLiteral("unknown condition (expected type, category, confidence_below or "
                               "context.<field>_above, _below, _equals, _matches)")));
        }
    }
    return c;
}

bool PolicyCondition::matches(const ActionFacts &facts, const QString &category) const
{
    if (!m_types.isEmpty() && std::none_of(m_types.begin(), m_types.end(), [&](const TypePattern &p) {
            return p.matches(facts.type);
        }))
        return false;
    if (!m_categories.isEmpty() && !m_categories.contains(category))
        return false;
    if (m_confidenceBelow) {
        // A confidence that is not a number is treated as none at all, the strict reading.
        const double confidence = std::isfinite(facts.confidence) ? facts.confidence : 0.0;
        if (!(confidence < *m_confidenceBelow))
            return false;
    }
    for (const ContextTest &test : m_context) {
        if (!contextMatches(test, facts.context))
            return false;
    }
    return true;
}

bool PolicyCondition::contextMatches(const ContextTest &test, const QJsonObject &context)
{
    const QJsonValue value = lookup(context, test.path);
    switch (test.comparison) {
    case Comparison::Above: {
        const auto n = numberOf(value);
        return n && *n > test.number;
    }
    case Comparison::Below: {
        const auto n = numberOf(value);
        return n && *n < test.number;
    }
    case Comparison::Equals:
        if (test.value.isDouble())
            return value.isDouble() && value.toDouble() == test.value.toDouble();
        if (test.value.isString())
            return value.isString() && value.toString() == test.value.toString();
        return value.isBool() && value.toBool() == test.value.toBool();
    case Comparison::Matches: {
        const auto text = textOf(value);
        return text && test.regex.match(*text).hasMatch();
    }
    }
    return false;
}

} // namespace Countersign
