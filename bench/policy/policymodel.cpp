#include "policymodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Countersign {

namespace {

const QStringList TypeNames{QStringLiteral("email.send_internal"), QStringLiteral("email.send_external"),
    QStringLiteral("email.draft"), QStringLiteral("refund.issue"), QStringLiteral("refund.cancel"),
    QStringLiteral("invoice.create"), QStringLiteral("db.query"), QStringLiteral("db.migrate"),
    QStringLiteral("db.drop_table"), QStringLiteral("shell.run"), QStringLiteral("code.merge_patch"),
    QStringLiteral("chat.post"), QStringLiteral("crm.update"), QStringLiteral("crm.drop_contact"),
    QStringLiteral("file.upload"), QStringLiteral("calendar.invite")};
const QStringList UnknownTypes{QStringLiteral("pager.page"), QStringLiteral("vpn.drop_session"),
    QStringLiteral("email.bulk"), QStringLiteral("x")};
const QStringList Globs{QStringLiteral("email.*"), QStringLiteral("*.drop_*"), QStringLiteral("*"),
    QStringLiteral("db.*"), QStringLiteral("*_internal"), QStringLiteral("re*d.*")};
const QStringList CategoryNames{QStringLiteral("communications"), QStringLiteral("finance"), QStringLiteral("data"),
    QStringLiteral("ops"), QStringLiteral("code"), QStringLiteral("notices")};
const QStringList Durations{QStringLiteral("90s"), QStringLiteral("15m"), QStringLiteral("1h"), QStringLiteral("1h30m"),
    QStringLiteral("4h"), QStringLiteral("2d"), QStringLiteral("1d12h")};
const QStringList Regions{QStringLiteral("eu"), QStringLiteral("us"), QStringLiteral("apac")};
const QStringList Notes{QStringLiteral("urgent: customer waiting"), QStringLiteral("Refund per policy 123"),
    QStringLiteral("routine"), QStringLiteral("see ticket 4711"), QString()};
const QStringList NotePatterns{
    QStringLiteral("^urgent"), QStringLiteral("(?i)refund"), QStringLiteral("\\d{3}"), QStringLiteral("^$")};

template<typename T>
const T &pick(QRandomGenerator &random, const QList<T> &list)
{
    return list.at(random.bounded(static_cast<int>(list.size())));
}

bool chance(QRandomGenerator &random, int percent)
{
    return random.bounded(100) < percent;
}

// Deliberately not the algorithm of TypePattern: plain recursion over the pattern.
bool globMatches(QStringView pattern, QStringView text)
{
    if (pattern.isEmpty())
        return text.isEmpty();
    if (pattern.front() == u'*') {
        for (qsizetype skip = 0; skip <= text.size(); ++skip) {
            if (globMatches(pattern.sliced(1), text.sliced(skip)))
                return true;
        }
        return false;
    }
    return !text.isEmpty() && pattern.front() == text.front() && globMatches(pattern.sliced(1), text.sliced(1));
}

std::optional<double> asNumber(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

QString tierText(Tier tier)
{
    return tierName(tier);
}

} // namespace

PolicyModel::Condition PolicyModel::randomCondition(QRandomGenerator &random, const QStringList &categories)
{
    Condition c;
    do {
        if (chance(random, 45)) {
            c.types.append(chance(random, 60) ? pick(random, TypeNames) : pick(random, Globs));
            if (chance(random, 15))
                c.types.append(pick(random, TypeNames));
        }
        if (chance(random, 20))
            c.categories.append(pick(random, categories));
        if (chance(random, 30))
            c.confidenceBelow = 0.3 + random.bounded(60) / 100.0;
        if (chance(random, 30))
            c.amountAbove = 100.0 * (1 + random.bounded(100));
        if (chance(random, 10))
            c.amountBelow = chance(random, 50) ? 0.0 : 50.0;
        if (chance(random, 15))
            c.regionEquals = pick(random, Regions);
        if (chance(random, 10))
            c.vipEquals = chance(random, 50);
        if (chance(random, 15)) {
            c.noteMatches = pick(random, NotePatterns);
            c.noteRegex = QRegularExpression(*c.noteMatches);
        }
        if (chance(random, 8))
            c.firstQuantityAbove = random.bounded(10);
    } while (c.types.isEmpty() && c.categories.isEmpty() && !c.confidenceBelow && !c.amountAbove && !c.amountBelow
        && !c.regionEquals && !c.vipEquals && !c.noteMatches && !c.firstQuantityAbove);
    return c;
}

PolicyModel PolicyModel::generate(QRandomGenerator &random, int version)
{
    PolicyModel m;
    m.m_version = version;
    QStringList names = CategoryNames;
    const int categoryCount = 1 + random.bounded(4);
    for (int i = 0; i < categoryCount; ++i) {
        Category c;
        c.name = names.takeAt(random.bounded(static_cast<int>(names.size())));
        c.sla = pick(random, Durations);
        c.expiresAfter = pick(random, Durations);
        c.onExpiry = static_cast<ExpiryOutcome>(random.bounded(3));
        c.allowApproval = c.onExpiry == ExpiryOutcome::Approve || chance(random, 10);
        m.m_categories.append(c);
    }
    QStringList categories;
    for (const Category &c : std::as_const(m.m_categories))
        categories.append(c.name);

    if (chance(random, 25))
        m.m_unassignedCategory = pick(random, categories);
    if (chance(random, 10))
        m.m_unassignedTier = Tier::Prohibited;
    QStringList ruleCategories = categories;
    if (m.m_unassignedCategory.isEmpty())
        ruleCategories.append(QStringLiteral("unassigned"));

    for (const QString &type : TypeNames) {
        if (!chance(random, 65))
            continue;
        const int t = random.bounded(10);
        m.m_types.append({type, pick(random, categories),
            t < 4       ? Tier::Auto
                : t < 8 ? Tier::Review
                        : Tier::Prohibited});
    }
    const int prohibitions = random.bounded(3);
    for (int i = 0; i < prohibitions; ++i)
        m.m_prohibitions.append({randomCondition(random, ruleCategories), Tier::Prohibited,
            QStringLiteral("prohibition %1 of policy %2").arg(i).arg(version)});
    const int rules = random.bounded(6);
    for (int i = 0; i < rules; ++i)
        m.m_rules.append({randomCondition(random, ruleCategories), chance(random, 60) ? Tier::Review : Tier::Prohibited,
            QStringLiteral("rule %1 of policy %2").arg(i).arg(version)});
    return m;
}

ActionFacts PolicyModel::randomFacts(QRandomGenerator &random)
{
    ActionFacts f;
    f.type = chance(random, 85) ? pick(random, TypeNames) : pick(random, UnknownTypes);
    if (chance(random, 30))
        f.categoryHint = chance(random, 80) ? pick(random, CategoryNames) : QStringLiteral("unassigned");
    const int c = random.bounded(100);
    f.confidence = c < 30 ? 1.0 : c < 31 ? std::nan("") : random.bounded(1000) / 1000.0;

    const int amount = random.bounded(100);
    const double value = 50.0 * (random.bounded(240) - 10);
    if (amount < 60)
        f.context.insert(QStringLiteral("amount"), value);
    else if (amount < 70)
        f.context.insert(QStringLiteral("amount"), QString::number(value));
    else if (amount < 75)
        f.context.insert(QStringLiteral("amount"), QStringLiteral("a lot"));
    if (chance(random, 60)) {
        QJsonObject customer;
        if (chance(random, 80))
            customer.insert(QStringLiteral("region"), pick(random, Regions));
        if (chance(random, 50))
            customer.insert(QStringLiteral("vip"), chance(random, 50));
        else if (chance(random, 10))
            customer.insert(QStringLiteral("vip"), QStringLiteral("true")); // a string is not a boolean
        f.context.insert(QStringLiteral("customer"), customer);
    } else if (chance(random, 10)) {
        f.context.insert(QStringLiteral("customer"), QStringLiteral("anonymous"));
    }
    if (chance(random, 50))
        f.context.insert(QStringLiteral("note"), pick(random, Notes));
    if (chance(random, 30)) {
        QJsonArray items;
        const int n = random.bounded(3);
        for (int i = 0; i < n; ++i)
            items.append(QJsonObject{{QStringLiteral("qty"), random.bounded(12)}});
        f.context.insert(QStringLiteral("items"), items);
    }
    return f;
}

QByteArray PolicyModel::toJson() const
{
    auto conditionJson = [](const Condition &c) {
        QJsonObject o;
        if (c.types.size() == 1)
            o.insert(QStringLiteral("type"), c.types.first());
        else if (!c.types.isEmpty())
            o.insert(QStringLiteral("type"), QJsonArray::fromStringList(c.types));
        if (!c.categories.isEmpty())
            o.insert(QStringLiteral("category"), c.categories.first());
        if (c.confidenceBelow)
            o.insert(QStringLiteral("confidence_below"), *c.confidenceBelow);
        if (c.amountAbove)
            o.insert(QStringLiteral("context.amount_above"), *c.amountAbove);
        if (c.amountBelow)
            o.insert(QStringLiteral("context.amount_below"), *c.amountBelow);
        if (c.regionEquals)
            o.insert(QStringLiteral("context.customer.region_equals"), *c.regionEquals);
        if (c.vipEquals)
            o.insert(QStringLiteral("context.customer.vip_equals"), *c.vipEquals);
        if (c.noteMatches)
            o.insert(QStringLiteral("context.note_matches"), *c.noteMatches);
        if (c.firstQuantityAbove)
            o.insert(QStringLiteral("context.items.0.qty_above"), *c.firstQuantityAbove);
        return o;
    };

    QJsonObject categories;
    for (const Category &c : m_categories) {
        QJsonObject o{{QStringLiteral("sla"), c.sla}, {QStringLiteral("expires_after"), c.expiresAfter},
            {QStringLiteral("on_expiry"), expiryOutcomeName(c.onExpiry)}};
        if (c.allowApproval)
            o.insert(QStringLiteral("allow_expiry_approval"), true);
        categories.insert(c.name, o);
    }
    QJsonObject types;
    for (const Type &t : m_types)
        types.insert(
            t.name, QJsonObject{{QStringLiteral("category"), t.category}, {QStringLiteral("tier"), tierText(t.tier)}});
    QJsonArray prohibitions;
    for (const Rule &p : m_prohibitions)
        prohibitions.append(
            QJsonObject{{QStringLiteral("when"), conditionJson(p.when)}, {QStringLiteral("reason"), p.reason}});
    QJsonArray rules;
    for (const Rule &r : m_rules)
        rules.append(QJsonObject{{QStringLiteral("when"), conditionJson(r.when)},
            {QStringLiteral("tier"), tierText(r.tier)}, {QStringLiteral("reason"), r.reason}});

    QJsonObject root{{QStringLiteral("version"), m_version}, {QStringLiteral("categories"), categories},
        {QStringLiteral("action_types"), types}, {QStringLiteral("prohibitions"), prohibitions},
        {QStringLiteral("rules"), rules}};
    if (!m_unassignedCategory.isEmpty() || m_unassignedTier != Tier::Review) {
        QJsonObject unassigned{{QStringLiteral("tier"), tierText(m_unassignedTier)}};
        if (!m_unassignedCategory.isEmpty())
            unassigned.insert(QStringLiteral("category"), m_unassignedCategory);
        root.insert(QStringLiteral("unassigned"), unassigned);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

const PolicyModel::Type *PolicyModel::findType(const QString &name) const
{
    for (const Type &t : m_types) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

bool PolicyModel::definesCategory(const QString &name) const
{
    if (name == QLatin1String("unassigned") && m_unassignedCategory.isEmpty())
        return true; // the built-in one
    return std::any_of(m_categories.begin(), m_categories.end(), [&](const Category &c) {
        return c.name == name;
    });
}

Tier PolicyModel::typeFloor(const QString &type) const
{
    const Type *t = findType(type);
    return t ? t->tier : m_unassignedTier;
}

bool PolicyModel::matches(const Condition &c, const ActionFacts &facts, const QString &category) const
{
    if (!c.types.isEmpty() && std::none_of(c.types.begin(), c.types.end(), [&](const QString &p) {
            return globMatches(p, facts.type);
        }))
        return false;
    if (!c.categories.isEmpty() && !c.categories.contains(category))
        return false;
    if (c.confidenceBelow) {
        const double confidence = std::isnan(facts.confidence) ? 0.0 : facts.confidence;
        if (confidence >= *c.confidenceBelow)
            return false;
    }
    const auto amount = asNumber(facts.context.value(QLatin1String("amount")));
    if (c.amountAbove && !(amount && *amount > *c.amountAbove))
        return false;
    if (c.amountBelow && !(amount && *amount < *c.amountBelow))
        return false;
    const QJsonValue customer = facts.context.value(QLatin1String("customer"));
    if (c.regionEquals) {
        const QJsonValue region = customer.toObject().value(QLatin1String("region"));
        if (!customer.isObject() || !region.isString() || region.toString() != *c.regionEquals)
            return false;
    }
    if (c.vipEquals) {
        const QJsonValue vip = customer.toObject().value(QLatin1String("vip"));
        if (!customer.isObject() || !vip.isBool() || vip.toBool() != *c.vipEquals)
            return false;
    }
    if (c.noteMatches) {
        const QJsonValue note = facts.context.value(QLatin1String("note"));
        if (!note.isString() || !c.noteRegex.match(note.toString()).hasMatch())
            return false;
    }
    if (c.firstQuantityAbove) {
        const QJsonArray items = facts.context.value(QLatin1String("items")).toArray();
        const auto qty
            = items.isEmpty() ? std::nullopt : asNumber(items.first().toObject().value(QLatin1String("qty")));
        if (!(qty && *qty > *c.firstQuantityAbove))
            return false;
    }
    return true;
}

PolicyModel::Result PolicyModel::evaluate(const ActionFacts &facts) const
{
    Result r;
    if (const Type *t = findType(facts.type)) {
        r.category = t->category;
        r.tier = t->tier;
        r.reason = QStringLiteral("type %1 %2")
                       .arg(facts.type,
                           t->tier == Tier::Auto         ? QStringLiteral("runs without review")
                               : t->tier == Tier::Review ? QStringLiteral("requires review")
                                                         : QStringLiteral("is prohibited"));
    } else {
        r.unassigned = true;
        const QString fallback = m_unassignedCategory.isEmpty() ? QStringLiteral("unassigned") : m_unassignedCategory;
        r.category
            = !facts.categoryHint.isEmpty() && definesCategory(facts.categoryHint) ? facts.categoryHint : fallback;
        r.tier = m_unassignedTier;
        r.reason = QStringLiteral("type %1 is not in the policy").arg(facts.type);
    }
    for (const Rule &p : m_prohibitions) {
        if (matches(p.when, facts, r.category)) {
            r.tier = Tier::Prohibited;
            r.reason = p.reason;
            return r;
        }
    }
    for (const Rule &rule : m_rules) {
        if (static_cast<int>(rule.tier) > static_cast<int>(r.tier) && matches(rule.when, facts, r.category)) {
            r.tier = rule.tier;
            r.reason = rule.reason;
        }
    }
    return r;
}

} // namespace Countersign
