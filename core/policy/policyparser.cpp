#include "policyparser_p.h"

#include "duration.h"
#include "policyjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace Countersign {

using namespace std::chrono_literals;
using PolicyJson::child;
using PolicyJson::describe;
using PolicyJson::element;

namespace {

const QString UnassignedName = QStringLiteral("unassigned");

QString lineAndColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < std::min(offset, json.size()); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

QString typeReason(const QString &type, Tier tier)
{
    switch (tier) {
    case Tier::Auto:
        return QStringLiteral("type %1 runs without review").arg(type);
    case Tier::Review:
        return QStringLiteral("type %1 requires review").arg(type);
    case Tier::Prohibited:
        return QStringLiteral("type %1 is prohibited").arg(type);
    }
    return {};
}

bool isTypeName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'*') && std::none_of(name.begin(), name.end(), [](QChar c) {
        return c.isSpace();
    });
}

} // namespace

CategoryPolicy PolicyParser::builtinUnassigned()
{
    CategoryPolicy c;
    c.name = UnassignedName;
    c.description = QStringLiteral("action types the policy does not name");
    c.sla = 4h;
    c.expiresAfter = 24h;
    c.onExpiry = ExpiryOutcome::Reject;
    return c;
}

void PolicyParser::addError(const QString &path, const QString &message)
{
    m_errors.append(Error::invalid(path, message));
}

bool PolicyParser::knownCategory(const QString &name) const
{
    // Without a readable `categories`, one error says so; "unknown category" everywhere would be noise.
    return !m_categoriesReadable || m_categoryNames.contains(name);
}

std::shared_ptr<const PolicyData> PolicyParser::parse(const QByteArray &json)
{
    m_errors.clear();
    m_categoryNames.clear();
    m_categoriesReadable = false;
    m_data = std::make_shared<PolicyData>();

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        addError(QString(),
            QStringLiteral("not valid JSON at %1: %2")
                .arg(lineAndColumn(json, parseError.offset), parseError.errorString()));
        return nullptr;
    }
    if (!doc.isObject()) {
        addError(QString(), QStringLiteral("a policy is a JSON object with version, categories and action_types"));
        return nullptr;
    }
    if (const auto duplicate = PolicyJson::findDuplicateKey(json))
        addError(*duplicate, QStringLiteral("duplicate key: each key may appear only once in an object"));

    const QJsonObject root = doc.object();
    PolicyJson::rejectUnknownKeys(root, QString(),
        {QStringLiteral("version"), QStringLiteral("description"), QStringLiteral("categories"),
            QStringLiteral("action_types"), QStringLiteral("rules"), QStringLiteral("prohibitions"),
            QStringLiteral("unassigned")},
        m_errors);

    const QJsonValue version = root.value(QLatin1String("version"));
    const double v = version.toDouble();
    if (!version.isDouble() || v != std::floor(v) || v < 1 || v > std::numeric_limits<int>::max())
        addError(QStringLiteral("version"), QStringLiteral("must be a whole number of at least 1"));
    else
        m_data->version = static_cast<int>(v);

    const QJsonValue description = root.value(QLatin1String("description"));
    if (!description.isUndefined() && !description.isString())
        addError(QStringLiteral("description"), QStringLiteral("must be a string"));

    parseCategories(root.value(QLatin1String("categories")));
    parseUnassigned(root.value(QLatin1String("unassigned")));
    parseActionTypes(root.value(QLatin1String("action_types")));
    parseRules(root.value(QLatin1String("prohibitions")), true);
    parseRules(root.value(QLatin1String("rules")), false);

    if (!m_errors.isEmpty())
        return nullptr;
    m_data->document = json;
    return m_data;
}

void PolicyParser::parseCategories(const QJsonValue &value)
{
    const QString path = QStringLiteral("categories");
    if (!value.isObject()) {
        addError(path,
            value.isUndefined() ? QStringLiteral("is required")
                                : QStringLiteral("must be an object, not %1").arg(describe(value)));
        return;
    }
    m_categoriesReadable = true;
    const QJsonObject categories = value.toObject();
    for (auto it = categories.begin(); it != categories.end(); ++it) {
        const QString categoryPath = child(path, it.key());
        m_categoryNames.insert(it.key()); // even when broken, so it is not reported again as unknown
        if (it.key().isEmpty()) {
            addError(categoryPath, QStringLiteral("a category needs a name"));
            continue;
        }
        if (auto category = parseCategory(it.key(), it.value(), categoryPath))
            m_data->categories.insert(it.key(), *category);
    }
}

std::optional<std::chrono::seconds> PolicyParser::parseDurationAt(
    const QJsonObject &object, const QString &key, const QString &path)
{
    const QString keyPath = child(path, key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        addError(keyPath, QStringLiteral("is required: a duration like \"4h\""));
        return std::nullopt;
    }
    if (!value.isString()) {
        addError(keyPath, QStringLiteral("must be a duration like \"4h\", not %1").arg(describe(value)));
        return std::nullopt;
    }
    const auto duration = parseDuration(value.toString());
    if (!duration) {
        addError(keyPath, QStringLiteral("must be a duration like \"4h\"; %1").arg(duration.error().message));
        return std::nullopt;
    }
    if (*duration <= 0s) {
        addError(keyPath, QStringLiteral("must be longer than 0s"));
        return std::nullopt;
    }
    return *duration;
}

std::optional<CategoryPolicy> PolicyParser::parseCategory(
    const QString &name, const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        addError(path,
            QStringLiteral("must be an object with sla, expires_after and on_expiry, not %1").arg(describe(value)));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const qsizetype errorsBefore = m_errors.size();
    PolicyJson::rejectUnknownKeys(object, path,
        {QStringLiteral("sla"), QStringLiteral("expires_after"), QStringLiteral("on_expiry"),
            QStringLiteral("escalate_to"), QStringLiteral("allow_expiry_approval"), QStringLiteral("description")},
        m_errors);

    CategoryPolicy category;
    category.name = name;
    if (const auto sla = parseDurationAt(object, QStringLiteral("sla"), path))
        category.sla = *sla;
    if (const auto expires = parseDurationAt(object, QStringLiteral("expires_after"), path))
        category.expiresAfter = *expires;

    const QJsonValue allow = object.value(QLatin1String("allow_expiry_approval"));
    if (!allow.isUndefined() && !allow.isBool())
        addError(child(path, QStringLiteral("allow_expiry_approval")), QStringLiteral("must be true or false"));
    category.allowExpiryApproval = allow.toBool(false);

    const QString onExpiryPath = child(path, QStringLiteral("on_expiry"));
    const QJsonValue onExpiry = object.value(QLatin1String("on_expiry"));
    const auto outcome = expiryOutcomeFromName(onExpiry.toString());
    if (onExpiry.isUndefined())
        addError(onExpiryPath, QStringLiteral("is required: \"reject\", \"expire\" or \"approve\""));
    else if (!onExpiry.isString() || !outcome)
        addError(onExpiryPath, QStringLiteral("must be \"reject\", \"expire\" or \"approve\""));
    else if (*outcome == ExpiryOutcome::Approve && !category.allowExpiryApproval)
        addError(
            onExpiryPath, QStringLiteral("\"approve\" needs \"allow_expiry_approval\": true in the same category"));
    else
        category.onExpiry = *outcome;

    const QString escalatePath = child(path, QStringLiteral("escalate_to"));
    const QJsonValue escalate = object.value(QLatin1String("escalate_to"));
    if (!escalate.isUndefined() && !escalate.isArray()) {
        addError(escalatePath, QStringLiteral("must be a list of reviewer names, not %1").arg(describe(escalate)));
    } else {
        const QJsonArray names = escalate.toArray();
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (!names.at(i).isString() || names.at(i).toString().trimmed().isEmpty())
                addError(element(escalatePath, i), QStringLiteral("must be a reviewer name"));
            else
                category.escalateTo.append(names.at(i).toString());
        }
    }

    const QJsonValue description = object.value(QLatin1String("description"));
    if (!description.isUndefined() && !description.isString())
        addError(child(path, QStringLiteral("description")), QStringLiteral("must be a string"));
    category.description = description.toString();

    if (m_errors.size() != errorsBefore)
        return std::nullopt;
    return category;
}

void PolicyParser::parseUnassigned(const QJsonValue &value)
{
    const QString path = QStringLiteral("unassigned");
    if (!value.isUndefined()) {
        if (!value.isObject()) {
            addError(path, QStringLiteral("must be an object, not %1").arg(describe(value)));
            return;
        }
        const QJsonObject object = value.toObject();
        PolicyJson::rejectUnknownKeys(object, path,
            {QStringLiteral("category"), QStringLiteral("tier"), QStringLiteral("description")}, m_errors);

        const QJsonValue category = object.value(QLatin1String("category"));
        if (!category.isUndefined()) {
            if (!category.isString() || category.toString().isEmpty())
                addError(child(path, QStringLiteral("category")), QStringLiteral("must be a category name"));
            else if (!knownCategory(category.toString()))
                addError(child(path, QStringLiteral("category")),
                    QStringLiteral("unknown category \"%1\"").arg(category.toString()));
            else
                m_data->unassignedCategory = category.toString();
        }

        const QJsonValue tier = object.value(QLatin1String("tier"));
        if (!tier.isUndefined()) {
            const auto t = tierFromName(tier.toString());
            if (t == Tier::Auto)
                addError(child(path, QStringLiteral("tier")),
                    QStringLiteral("types the policy does not name can never run automatically"));
            else if (!tier.isString() || !t)
                addError(child(path, QStringLiteral("tier")), QStringLiteral("must be \"review\" or \"prohibited\""));
            else
                m_data->unassignedTier = *t;
        }

        const QJsonValue description = object.value(QLatin1String("description"));
        if (!description.isUndefined() && !description.isString())
            addError(child(path, QStringLiteral("description")), QStringLiteral("must be a string"));
    }

    // Without a named category (or one the policy itself calls "unassigned"), unknown types get
    // the built-in one, which rules may then name like any other.
    if (m_data->unassignedCategory == UnassignedName && !m_categoryNames.contains(UnassignedName)) {
        m_data->categories.insert(UnassignedName, builtinUnassigned());
        m_categoryNames.insert(UnassignedName);
    }
}

void PolicyParser::parseActionTypes(const QJsonValue &value)
{
    const QString path = QStringLiteral("action_types");
    if (!value.isObject()) {
        addError(path,
            value.isUndefined() ? QStringLiteral("is required")
                                : QStringLiteral("must be an object, not %1").arg(describe(value)));
        return;
    }
    const QJsonObject types = value.toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        const QString typePath = child(path, it.key());
        if (!isTypeName(it.key())) {
            addError(typePath,
                QStringLiteral("an action type name is not empty and has no spaces or '*' "
                               "(globs belong in rules)"));
            continue;
        }
        if (!it.value().isObject()) {
            addError(
                typePath, QStringLiteral("must be an object with category and tier, not %1").arg(describe(it.value())));
            continue;
        }
        const QJsonObject object = it.value().toObject();
        const qsizetype errorsBefore = m_errors.size();
        PolicyJson::rejectUnknownKeys(object, typePath,
            {QStringLiteral("category"), QStringLiteral("tier"), QStringLiteral("description")}, m_errors);

        ActionTypePolicy type;
        type.name = it.key();
        const QJsonValue category = object.value(QLatin1String("category"));
        const QString categoryPath = child(typePath, QStringLiteral("category"));
        if (category.isUndefined())
            addError(categoryPath, QStringLiteral("is required"));
        else if (!category.isString())
            addError(categoryPath, QStringLiteral("must be a category name, not %1").arg(describe(category)));
        else if (!knownCategory(category.toString()))
            addError(categoryPath, QStringLiteral("unknown category \"%1\"").arg(category.toString()));
        type.category = category.toString();

        const QJsonValue tier = object.value(QLatin1String("tier"));
        const QString tierPath = child(typePath, QStringLiteral("tier"));
        const auto t = tierFromName(tier.toString());
        if (tier.isUndefined())
            addError(tierPath, QStringLiteral("is required: \"auto\", \"review\" or \"prohibited\""));
        else if (!tier.isString() || !t)
            addError(tierPath, QStringLiteral("must be \"auto\", \"review\" or \"prohibited\""));
        else
            type.tier = *t;

        const QJsonValue description = object.value(QLatin1String("description"));
        if (!description.isUndefined() && !description.isString())
            addError(child(typePath, QStringLiteral("description")), QStringLiteral("must be a string"));
        type.description = description.toString();

        if (m_errors.size() == errorsBefore)
            m_data->actionTypes.insert(type.name, {type, typeReason(type.name, type.tier)});
    }
}

void PolicyParser::parseRules(const QJsonValue &value, bool prohibitions)
{
    const QString path = prohibitions ? QStringLiteral("prohibitions") : QStringLiteral("rules");
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        addError(path, QStringLiteral("must be a list, not %1").arg(describe(value)));
        return;
    }
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString rulePath = element(path, i);
        if (!entries.at(i).isObject()) {
            addError(rulePath,
                QStringLiteral("must be an object with when and reason, not %1").arg(describe(entries.at(i))));
            continue;
        }
        const QJsonObject object = entries.at(i).toObject();
        QStringList allowed{QStringLiteral("when"), QStringLiteral("reason"), QStringLiteral("description")};
        if (!prohibitions)
            allowed.insert(1, QStringLiteral("tier"));
        PolicyJson::rejectUnknownKeys(object, rulePath, allowed, m_errors);

        PolicyRule rule;
        const QJsonValue when = object.value(QLatin1String("when"));
        const QString whenPath = child(rulePath, QStringLiteral("when"));
        if (when.isUndefined())
            addError(whenPath, QStringLiteral("is required"));
        else
            rule.when
                = PolicyCondition::parse(when, whenPath, m_categoriesReadable ? &m_categoryNames : nullptr, m_errors);

        if (prohibitions) {
            rule.tier = Tier::Prohibited;
        } else {
            const QJsonValue tier = object.value(QLatin1String("tier"));
            const QString tierPath = child(rulePath, QStringLiteral("tier"));
            const auto t = tierFromName(tier.toString());
            if (tier.isUndefined())
                addError(tierPath, QStringLiteral("is required: \"review\" or \"prohibited\""));
            else if (t == Tier::Auto)
                addError(tierPath, QStringLiteral("rules can only make an action stricter; \"auto\" is not allowed"));
            else if (!tier.isString() || !t)
                addError(tierPath, QStringLiteral("must be \"review\" or \"prohibited\""));
            else
                rule.tier = *t;
        }

        const QJsonValue reason = object.value(QLatin1String("reason"));
        if (!reason.isString() || reason.toString().trimmed().isEmpty())
            addError(child(rulePath, QStringLiteral("reason")),
                QStringLiteral("is required: a sentence for the reviewer and the agent"));
        rule.reason = reason.toString();

        const QJsonValue description = object.value(QLatin1String("description"));
        if (!description.isUndefined() && !description.isString())
            addError(child(rulePath, QStringLiteral("description")), QStringLiteral("must be a string"));

        (prohibitions ? m_data->prohibitions : m_data->rules).append(std::move(rule));
    }
}

} // namespace Countersign
