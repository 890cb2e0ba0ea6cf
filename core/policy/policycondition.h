#pragma once

#include "actionfacts.h"
#include "typepattern.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <optional>

namespace Countersign {

struct Error;

// The `when` of a rule or prohibition: every condition it lists must hold (an AND).
//   type               exact name or glob ("email.*"), or a list of them (any may match)
//   category           a category the policy defines, or a list of them
//   confidence_below   the agent's confidence is below this number (0..1)
//   context.<path>_above / _below / _equals / _matches
//                      a value in the action's context, found by a dotted path into nested
//                      objects (a numeric segment indexes an array): "context.customer.tier_equals"
// A context field that is missing never matches. `_above`/`_below` also read numbers sent as
// strings ("6000"), so an amount cannot slip past a threshold by its JSON type; `_equals`
// compares JSON values exactly (a number equals the same number, "5" does not equal 5);
// `_matches` searches strings (and the text of numbers and booleans) with a
// QRegularExpression; anchor it with ^...$ to match the whole value.
class PolicyCondition
{
public:
    // Parses `when` found at `path` (e.g. "rules[1].when"). Problems are appended to `errors`,
    // each naming its JSON path; the result is only meaningful when none were added.
    // `categories` are the names a `category` condition may use (null: not known, not checked).
    static PolicyCondition parse(
        const QJsonValue &when, const QString &path, const QSet<QString> *categories, QList<Error> &errors);

    // `category` is the category the action resolved to (its type's, the hint's or unassigned).
    bool matches(const ActionFacts &facts, const QString &category) const;
    std::optional<double> confidenceBelow() const { return m_confidenceBelow; }

private:
    enum class Comparison { Above, Below, Equals, Matches };
    struct ContextTest {
        QStringList path;
        Comparison comparison = Comparison::Equals;
        double number = 0;
        QJsonValue value;
        QRegularExpression regex;
    };

    static bool contextMatches(const ContextTest &test, const QJsonObject &context);

    QList<TypePattern> m_types;
    QStringList m_categories;
    std::optional<double> m_confidenceBelow;
    QList<ContextTest> m_context;
};

} // namespace Countersign
