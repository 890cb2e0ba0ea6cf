#pragma once

// Private to core/policy: Policy::parse() is the way in; the parser and PolicyData stay behind it.

#include "policydata_p.h"

#include "domain/error.h"

#include <QJsonObject>
#include <QSet>

#include <memory>

namespace Countersign {

// Turns a policy document into PolicyData, or into the list of everything wrong with it.
// Each error is InvalidArgument with `field` set to the JSON path of the problem. Strict on
// purpose: unknown keys, duplicate keys, a rule that would loosen (tier "auto") and expiry
// approval without the explicit opt-in are all refused, because a policy that silently means
// less than it says is worse than one that does not load.
class PolicyParser
{
public:
    // Built-in category for unknown types, used unless the policy names one or defines its own
    // category called "unassigned".
    static CategoryPolicy builtinUnassigned();

    // Null when errors() is not empty.
    std::shared_ptr<const PolicyData> parse(const QByteArray &json);
    QList<Error> errors() const { return m_errors; }

private:
    void addError(const QString &path, const QString &message);
    bool knownCategory(const QString &name) const;
    void parseCategories(const QJsonValue &value);
    std::optional<CategoryPolicy> parseCategory(const QString &name, const QJsonValue &value, const QString &path);
    std::optional<std::chrono::seconds> parseDurationAt(
        const QJsonObject &object, const QString &key, const QString &path);
    void parseUnassigned(const QJsonValue &value);
    void parseActionTypes(const QJsonValue &value);
    void parseRules(const QJsonValue &value, bool prohibitions);

    std::shared_ptr<PolicyData> m_data;
    QSet<QString> m_categoryNames;
    bool m_categoriesReadable = false; // if not, references to categories cannot be checked
    QList<Error> m_errors;
};

} // namespace Countersign
