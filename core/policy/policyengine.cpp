#include "policyengine.h"

#include "logging.h"

#include <QFile>

namespace Countersign {

Result<void> PolicyEngine::load(const QByteArray &json)
{
    auto parsed = Policy::parse(json);
    if (!parsed) {
        qCWarning(lcPolicy).noquote() << "policy refused, version" << policy().version()
                                      << "stays in force:" << parsed.error().toString();
        return fail(parsed.error());
    }
    qCInfo(lcPolicy) << "policy version" << parsed->version() << "in force:" << parsed->actionTypeNames().size()
                     << "action types," << parsed->ruleCount() << "rules," << parsed->prohibitionCount()
                     << "prohibitions";
    setPolicy(*parsed);
    return {};
}

void PolicyEngine::setPolicy(const Policy &policy)
{
    QWriteLocker locker(&m_lock);
    m_policy = policy;
}

Policy PolicyEngine::policy() const
{
    QReadLocker locker(&m_lock);
    return m_policy;
}

PolicyEvaluation PolicyEngine::evaluate(const ActionFacts &facts) const
{
    // Evaluate outside the lock: the copy keeps this version alive even if a reload swaps it.
    return policy().evaluate(facts);
}

QByteArray PolicyEngine::demoPolicy()
{
    QFile file(QStringLiteral(":/countersign/policies/demo-policy.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcPolicy) << "the bundled demo policy is missing from the resources";
        return {};
    }
    return file.readAll();
}

} // namespace Countersign
