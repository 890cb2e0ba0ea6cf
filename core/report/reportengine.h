#pragma once

#include "approvalreport.h"
#include "domain/decision.h"
#include "recommendationreport.h"
#include "rolluprow.h"
#include "spotcheck.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace Countersign {

// The aggregation and recommendation logic of the reports, over plain rows a store hands over:
// no database, no clock, so every backend shares it and tests feed it directly.
class ReportEngine
{
public:
    // A report window rounded out to whole UTC days: [firstDay, endDay) and the same as times.
    struct Window {
        QDate firstDay;
        QDate endDay; // exclusive
        QDateTime from;
        QDateTime to;
        qint64 days() const { return firstDay.daysTo(endDay); }
        Window previous() const; // the window of equal length just before this one
    };
    static constexpr qint64 MaxWindowDays = 3660;
    // Checks from < to (errors name "from" or "to") and the span, then rounds out to whole days.
    static Result<Window> window(const QDateTime &from, const QDateTime &to);

    // The key of `row` in a report grouped by `grouping` (ISO dates for Day and Week).
    static QString groupKey(const RollupRow &row, ReportGrouping grouping);
    // The Monday of the week `day` falls in.
    static QDate weekStart(const QDate &day);
    // Rates and quantiles of one group's counts.
    static ReportGroup summarize(const QString &key, const RollupCounts &counts);
    // Sums rows per group key; rows without a key (e.g. submissions in a by-reviewer report) only
    // count in the totals. The rows are the window's (a store's grouped rows carry the week's
    // Monday, which may precede the window, so nothing is filtered here).
    static ApprovalReport approvals(const QList<RollupRow> &rows, ReportGrouping groupBy, const Window &window);
    // The fine rows whose day lies in the window.
    static QList<RollupRow> rowsIn(const QList<RollupRow> &rows, const Window &window);
    static QMap<QString, RollupCounts> sumBy(const QList<RollupRow> &rows, ReportGrouping grouping);

    // A rule of the policy that sends low-confidence actions to review: auto-approvals at or above
    // its threshold were let through by it.
    struct ConfidenceRule {
        QString path; // "rules[0]"
        double threshold = 0;
        QStringList types; // empty: any type
        QStringList categories; // empty: any category
        QString reason;
    };

    // The rules of a policy document whose `when` is confidence_below, alone or narrowed by type
    // names or categories (rules with other conditions are left out: their reach is not known).
    static QList<ConfidenceRule> confidenceRules(const QByteArray &policyDocument);

    struct RecommendationInputs {
        Window window;
        RecommendationThresholds thresholds;
        // The window's rows; each list may hold fine rows or rows a store grouped by that field
        // (the type rows with their category).
        QList<RollupRow> typeRows;
        QList<RollupRow> categoryRows;
        QList<RollupRow> reviewerRows;
        QList<RollupRow> previousCategoryRows; // the previous window of equal length
        QHash<QString, Tier> policyTypes; // every type the policy names, with its base tier
        QHash<QString, QString> policyCategories; // the category the policy gives each named type
        QString unassignedCategory; // where the policy puts types it does not name
        QList<ConfidenceRule> confidenceRules;
        // Newest first, at most thresholds.noRejectionInLast, for each promoteCandidates() type.
        QHash<QString, QList<Outcome>> latestReviews;
        QList<SpotCheck> spotChecks; // checks sampled in the window (only auto-approvals' count)
        QHash<QString, QList<std::pair<QString, QString>>> examples; // id and title, for unassignedTypes()
        // For unassignedTypes(): how often the agents sent each category hint (a sample of the
        // type's actions), whether or not the policy has that category.
        QHash<QString, QMap<QString, qint64>> categoryHints;
        QSet<QString> policyCategoryNames; // empty: known from where the actions landed

        QMap<QString, qint64> liveClaims; // reviewer -> claims held now
    };

    // Types that meet the promote thresholds on their counts; their newest reviewed outcomes decide.
    static QStringList promoteCandidates(const QList<RollupRow> &rows, const QHash<QString, Tier> &policyTypes,
        const RecommendationThresholds &thresholds);
    // Types seen in the rows that the policy does not name.
    static QStringList unassignedTypes(const QList<RollupRow> &rows, const QHash<QString, Tier> &policyTypes);

    static RecommendationReport recommend(const RecommendationInputs &inputs);

    // rate >= threshold, tolerant of the rounding in a division (196/200 meets 0.98).
    static bool atLeast(qint64 part, qint64 whole, double threshold);
};

} // namespace Countersign
