#include "recommendationreader.h"

namespace Countersign {

namespace {

constexpr int UnassignedExamples = 3;
constexpr int HintSample = 200; // actions of an unassigned type whose category hints are counted
constexpr int MaxSpotChecks = 100000;

} // namespace

Result<RecommendationReport> RecommendationReader::read(
    Store &store, ReportEngine::RecommendationInputs in, const QDateTime &now)
{
    const ReportEngine::Window &w = in.window;
    const ReportEngine::Window previous = w.previous();
    auto types = store.rollups(w.firstDay, w.endDay, ReportGrouping::Type);
    if (!types)
        return fail(types.error());
    auto categories = store.rollups(w.firstDay, w.endDay, ReportGrouping::Category);
    if (!categories)
        return fail(categories.error());
    auto reviewers = store.rollups(w.firstDay, w.endDay, ReportGrouping::Reviewer);
    if (!reviewers)
        return fail(reviewers.error());
    auto before = store.rollups(previous.firstDay, previous.endDay, ReportGrouping::Category);
    if (!before)
        return fail(before.error());
    in.typeRows = *types;
    in.categoryRows = *categories;
    in.reviewerRows = *reviewers;
    in.previousCategoryRows = *before;

    for (const QString &type : ReportEngine::promoteCandidates(in.typeRows, in.policyTypes, in.thresholds)) {
        auto latest = store.latestReviewOutcomes(type, w.from, w.to, qMax(1, in.thresholds.noRejectionInLast));
        if (!latest)
            return fail(latest.error());
        in.latestReviews.insert(type, *latest);
    }
    for (const QString &type : ReportEngine::unassignedTypes(in.typeRows, in.policyTypes)) {
        ActionQuery query;
        query.type = type;
        query.limit = HintSample;
        auto page = store.actions(query);
        if (!page)
            return fail(page.error());
        QList<std::pair<QString, QString>> examples;
        QMap<QString, qint64> hints;
        for (const Action &a : std::as_const(page->items)) {
            if (examples.size() < UnassignedExamples)
                examples.append({a.id, a.title});
            if (!a.categoryHint.isEmpty())
                ++hints[a.categoryHint];
        }
        in.examples.insert(type, examples);
        if (!hints.isEmpty())
            in.categoryHints.insert(type, hints);
    }
    auto checks = store.spotChecks(false, w.from, w.to, MaxSpotChecks);
    if (!checks)
        return fail(checks.error());
    in.spotChecks = *checks;
    auto stats = store.queueStats(now);
    if (!stats)
        return fail(stats.error());
    in.liveClaims = stats->claimedByReviewer;
    return ReportEngine::recommend(in);
}

void RecommendationReader::addPolicy(const Policy &policy, ReportEngine::RecommendationInputs &in)
{
    for (const QString &type : policy.actionTypeNames()) {
        if (const auto entry = policy.actionType(type)) {
            in.policyTypes.insert(type, entry->tier);
            in.policyCategories.insert(type, entry->category);
        }
    }
    in.confidenceRules = ReportEngine::confidenceRules(policy.document());
    in.unassignedCategory = policy.unassignedCategory();
    for (const QString &category : policy.categoryNames())
        in.policyCategoryNames.insert(category);
}

} // namespace Countersign
