#pragma once

#include "policy/actionfacts.h"

#include "domain/expiryoutcome.h"
#include "domain/tier.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace Countersign {

// A randomly generated policy kept as plain data, with its own straightforward evaluator.
// The simulation writes it out as a JSON document, lets Policy parse that, and compares
// Policy::evaluate with evaluate() here: two independent readings of the same rules.
class PolicyModel
{
public:
    struct Result {
        Tier tier = Tier::Review;
        QString category;
        QString reason;
        bool unassigned = false;
    };

    static PolicyModel generate(QRandomGenerator &random, int version);
    // Random facts for an action, drawn from the same vocabulary (and some unknown types).
    static ActionFacts randomFacts(QRandomGenerator &random);

    QByteArray toJson() const;
    Result evaluate(const ActionFacts &facts) const;
    // The tier the type itself has under this policy: the floor no evaluation may go below.
    Tier typeFloor(const QString &type) const;

private:
    struct Category {
        QString name;
        QString sla;
        QString expiresAfter;
        ExpiryOutcome onExpiry = ExpiryOutcome::Reject;
        bool allowApproval = false;
    };
    struct Type {
        QString name;
        QString category;
        Tier tier = Tier::Review;
    };
    struct Condition {
        QStringList types; // exact names or globs; any may match
        QStringList categories;
        std::optional<double> confidenceBelow;
        std::optional<double> amountAbove;
        std::optional<double> amountBelow;
        std::optional<QString> regionEquals; // context.customer.region
        std::optional<bool> vipEquals; // context.customer.vip
        std::optional<QString> noteMatches; // context.note
        QRegularExpression noteRegex; // noteMatches, compiled once
        std::optional<double> firstQuantityAbove; // context.items.0.qty
    };
    struct Rule {
        Condition when;
        Tier tier = Tier::Review;
        QString reason;
    };

    static Condition randomCondition(QRandomGenerator &random, const QStringList &categories);
    bool matches(const Condition &c, const ActionFacts &facts, const QString &category) const;
    const Type *findType(const QString &name) const;
    bool definesCategory(const QString &name) const;

    int m_version = 1;
    QList<Category> m_categories;
    QList<Type> m_types;
    QList<Rule> m_prohibitions;
    QList<Rule> m_rules;
    QString m_unassignedCategory; // empty: the built-in "unassigned"
    Tier m_unassignedTier = Tier::Review;
};

} // namespace Countersign
