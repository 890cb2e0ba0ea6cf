#pragma once

#include "policy/policy.h"
#include "report/reportengine.h"
#include "store/store.h"

namespace Countersign {

// Gathers what ReportEngine::recommend needs from a store (the window's rollup by type, category
// and reviewer, the previous window by category, the newest reviews of promote candidates,
// examples of unassigned types, spot checks and live claims) and runs it. Store thread only.
class RecommendationReader
{
public:
    // `in` carries the window, thresholds and policy facts; the rest is read here.
    static Result<RecommendationReport> read(Store &store, ReportEngine::RecommendationInputs in, const QDateTime &now);
    // The policy facts of `in`: the types it names with their tiers and categories, and its
    // confidence rules.
    static void addPolicy(const Policy &policy, ReportEngine::RecommendationInputs &in);
};

} // namespace Countersign
