#include "policy.h"

#include "policydata_p.h"
#include "policyparser_p.h"

namespace Countersign {

namespace {

std::shared_ptr<const PolicyData> emptyPolicy()
{
    static const std::shared_ptr<const PolicyData> empty = [] {
        auto data = std::make_shared<PolicyData>();
        const CategoryPolicy unassigned = PolicyParser::builtinUnassigned();
        data->categories.insert(unassigned.name, unassigned);
        data->unassignedCategory = unassigned.name;
        return data;
    }();
    return empty;
}

} // namespace

Policy::Policy()
    : d(emptyPolicy())
{ }

Policy::Policy(std::shared_ptr<const PolicyData> data)
    : d(std::move(data))
{ }

Result<Policy> Policy::parse(const QByteArray &json)
{
    PolicyParser parser;
    auto data = parser.parse(json);
    if (!data)
        return fail(parser.errors().value(0, Error::invalid(QString(), QStringLiteral("invalid policy"))));
    return Policy(std::move(data));
}

QList<Error> Policy::validate(const QByteArray &json)
{
    PolicyParser parser;
    parser.parse(json);
    return parser.errors();
}

int Policy::version() const
{
    return d->version;
}

QByteArray Policy::document() const
{
    return d->document;
}

QStringList Policy::categoryNames() const
{
    return d->categories.keys();
}

QStringList Policy::actionTypeNames() const
{
    QStringList names = d->actionTypes.keys();
    names.sort();
    return names;
}

bool Policy::knowsType(const QString &type) const
{
    return d->actionTypes.contains(type);
}

std::optional<CategoryPolicy> Policy::category(const QString &name) const
{
    const auto it = d->categories.constFind(name);
    if (it == d->categories.cend())
        return std::nullopt;
    return *it;
}

std::optional<ActionTypePolicy> Policy::actionType(const QString &type) const
{
    const auto it = d->actionTypes.constFind(type);
    if (it == d->actionTypes.cend())
        return std::nullopt;
    return it->policy;
}

QString Policy::unassignedCategory() const
{
    return d->unassignedCategory;
}

qsizetype Policy::ruleCount() const
{
    return d->rules.size();
}

qsizetype Policy::prohibitionCount() const
{
    return d->prohibitions.size();
}

std::optional<double> Policy::confidenceThreshold(const ActionFacts &facts) const
{
    // At confidence 0 every confidence condition holds, so matching says whether the rest do.
    ActionFacts unsure = facts;
    unsure.confidence = 0;
    const QString category = evaluate(unsure).category;
    std::optional<double> highest;
    for (const auto *list : {&d->prohibitions, &d->rules}) {
        for (const PolicyRule &rule : *list) {
            const auto below = rule.when.confidenceBelow();
            if (below && *below > 0 && rule.when.matches(unsure, category))
                highest = std::max(highest.value_or(0.0), *below);
        }
    }
    return highest;
}

PolicyEvaluation Policy::evaluate(const ActionFacts &facts) const
{
    PolicyEvaluation e;
    const auto type = d->actionTypes.constFind(facts.type);
    if (type != d->actionTypes.cend()) {
        e.category = type->policy.category;
        e.tier = type->policy.tier;
        e.reason = type->reason;
    } else {
        e.unassigned = true;
        e.category = d->categories.contains(facts.categoryHint) ? facts.categoryHint : d->unassignedCategory;
        e.tier = d->unassignedTier;
        e.reason = QStringLiteral("type %1 is not in the policy").arg(facts.type);
    }

    bool prohibited = false;
    for (const PolicyRule &p : d->prohibitions) {
        if (p.when.matches(facts, e.category)) {
            e.tier = Tier::Prohibited;
            e.reason = p.reason;
            prohibited = true;
            break;
        }
    }
    if (!prohibited) {
        for (const PolicyRule &rule : d->rules) {
            if (e.tier == Tier::Prohibited)
                break;
            if (isStricter(rule.tier, e.tier) && rule.when.matches(facts, e.category)) {
                e.tier = rule.tier;
                e.reason = rule.reason;
            }
        }
    }

    const auto found = d->categories.constFind(e.category);
    const CategoryPolicy &category = found != d->categories.cend() ? *found : emptyPolicy()->categories.first();
    e.sla = category.sla;
    e.expiresAfter = category.expiresAfter;
    e.escalateTo = category.escalateTo;
    e.onExpiry = category.onExpiry;
    e.expiryApprovalAllowed = category.allowExpiryApproval && category.onExpiry == ExpiryOutcome::Approve;
    // Nobody has ever judged a type the policy does not name, so silence must not approve it.
    if (e.unassigned && e.onExpiry == ExpiryOutcome::Approve) {
        e.onExpiry = ExpiryOutcome::Reject;
        e.expiryApprovalAllowed = false;
    }
    if (e.tier != Tier::Review)
        e.expiryApprovalAllowed = false;
    return e;
}

} // namespace Countersign
