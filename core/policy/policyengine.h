#pragma once

#include "policy.h"

#include <QReadWriteLock>

namespace Countersign {

// Holds the policy in force. Reads (policy(), evaluate()) may come from several threads at
// once; load() swaps the whole policy atomically, and a document that does not validate is
// refused with the previous policy staying in force.
//
// Until the first successful load the empty policy is in force: every action goes to review.
class PolicyEngine
{
public:
    PolicyEngine() = default;
    Q_DISABLE_COPY_MOVE(PolicyEngine)

    Result<void> load(const QByteArray &json);
    void setPolicy(const Policy &policy);
    Policy policy() const;
    PolicyEvaluation evaluate(const ActionFacts &facts) const;

    // The demo policy bundled with countersign-core (":/countersign/policies/demo-policy.json").
    static QByteArray demoPolicy();

private:
    mutable QReadWriteLock m_lock;
    Policy m_policy;
};

} // namespace Countersign
