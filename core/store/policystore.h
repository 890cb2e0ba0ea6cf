#pragma once

#include "domain/error.h"
#include "policyversion.h"

#include <QList>

#include <optional>

namespace Countersign {

// The policy documents in force over time.
class PolicyStore
{
public:
    virtual ~PolicyStore() = default;

    virtual Result<PolicyVersion> savePolicyVersion(const QByteArray &document, const QString &actor) = 0;
    virtual Result<QList<PolicyVersion>> policyVersions() = 0;
    virtual Result<std::optional<PolicyVersion>> currentPolicy() = 0;
};

} // namespace Countersign
