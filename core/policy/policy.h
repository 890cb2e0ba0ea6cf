#pragma once

#include "actionfacts.h"
#include "actiontypepolicy.h"
#include "categorypolicy.h"
#include "policyevaluation.h"

#include "domain/error.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace Countersign {

struct PolicyData;

// A parsed policy document: an immutable value, cheap to copy (copies share the parsed data)
// and safe to read from several threads at once.
//
// A default-constructed Policy is the empty policy (version 0): it names no type, so every
// action goes to review in the built-in "unassigned" category.
class Policy
{
public:
    Policy();

    // Validation errors are InvalidArgument with the JSON path in Error::field
    // ("categories.finance.sla", "rules[1].when.context.amount_above"); this returns the first.
    static Result<Policy> parse(const QByteArray &json);
    // Every problem of the document, in the order found; empty when it would load.
    static QList<Error> validate(const QByteArray &json);

    int version() const;
    QByteArray document() const; // the JSON exactly as given

    // Sorted. Includes the built-in "unassigned" category when the policy relies on it.
    QStringList categoryNames() const;
    QStringList actionTypeNames() const;
    bool knowsType(const QString &type) const;
    std::optional<CategoryPolicy> category(const QString &name) const;
    std::optional<ActionTypePolicy> actionType(const QString &type) const;
    // The category that types the policy does not name fall into (unless hinted otherwise).
    QString unassignedCategory() const;
    qsizetype ruleCount() const;
    qsizetype prohibitionCount() const;

    // Prohibitions first (the first that matches wins, with its reason); otherwise the type's
    // tier, or review for a type the policy does not name; then every rule that matches and is
    // stricter than the tier so far raises it, its reason replacing the previous one.
    PolicyEvaluation evaluate(const ActionFacts &facts) const;

    // The confidence below which the policy would treat this action more strictly: the highest
    // `confidence_below` of the rules and prohibitions whose other conditions hold for it (its
    // own confidence aside). Nothing when no such rule applies. The reviewer's meter draws it.
    std::optional<double> confidenceThreshold(const ActionFacts &facts) const;

private:
    explicit Policy(std::shared_ptr<const PolicyData> data);

    std::shared_ptr<const PolicyData> d;
};

} // namespace Countersign
