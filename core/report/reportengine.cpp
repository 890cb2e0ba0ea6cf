#include "reportengine.h"

#include "domain/timeformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace Countersign {

namespace {

constexpr double Epsilon = 1e-9;

QDateTime startOf(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::UTC);
}

QJsonObject windowJson(const ReportEngine::Window &w)
{
    return QJsonObject{{QStringLiteral("from"), timeToJson(w.from)}, {QStringLiteral("to"), timeToJson(w.to)}};
}

QJsonValue secondsOrNull(double s)
{
    return s < 0 ? QJsonValue() : QJsonValue(s);
}

double share(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + u'%';
}

// The growth of one figure from the previous window to this one; meaningful only when the
// previous window had data (a figure appearing from nothing has no ratio).
struct Growth {
    double previous = -1;
    double current = -1;
    double ratio() const { return previous > 0 && current >= 0 ? current / previous : 0; }
    QJsonObject toJson() const
    {
        return QJsonObject{{QStringLiteral("previous"), secondsOrNull(previous)},
            {QStringLiteral("current"), secondsOrNull(current)},
            {QStringLiteral("growth"), previous > 0 && current >= 0 ? QJsonValue(ratio()) : QJsonValue()}};
    }
};

void promote(
    const ReportEngine::RecommendationInputs &in, const QMap<QString, RollupCounts> &byType, QList<Recommendation> &out)
{
    const auto &t = in.thresholds;
    const QStringList candidates = ReportEngine::promoteCandidates(in.typeRows, in.policyTypes, t);
    for (const QString &type : candidates) {
        const RollupCounts c = byType.value(type);
        const QList<Outcome> latest = in.latestReviews.value(type).mid(0, t.noRejectionInLast);
        const auto rejections = std::count(latest.begin(), latest.end(), Outcome::Reject);
        if (rejections > 0 || latest.size() < qMin<qint64>(t.noRejectionInLast, c.reviewed()))
            continue;
        Recommendation r;
        r.id = QStringLiteral("promote:") + type;
        r.kind = RecommendationKind::Promote;
        r.type = type;
        r.category = in.policyCategories.value(type);
        const double rate = share(c.approved, c.reviewed());
        r.summary = QStringLiteral("%1 was approved unmodified in %2 of %3 reviews with no rejection in the last %4; "
                                   "consider approving it automatically.")
                        .arg(type, percent(rate))
                        .arg(c.reviewed())
                        .arg(latest.size());
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)},
            {QStringLiteral("reviewed"), double(c.reviewed())}, {QStringLiteral("approved"), double(c.approved)},
            {QStringLiteral("modified"), double(c.modified)}, {QStringLiteral("rejected"), double(c.rejected)},
            {QStringLiteral("approval_rate"), rate}, {QStringLiteral("last_n"), int(latest.size())},
            {QStringLiteral("rejections_in_last_n"), 0}};
        r.proposedChanges = {PolicyChange{type, Tier::Auto}};
        out.append(r);
    }
}

void tighten(
    const ReportEngine::RecommendationInputs &in, const QMap<QString, RollupCounts> &byType, QList<Recommendation> &out)
{
    const auto &t = in.thresholds;
    // Auto-approved types whose spot checks found problems.
    struct Checks {
        qint64 done = 0;
        qint64 problems = 0;
        QStringList examples;
        QString category;
    };
    QMap<QString, Checks> checks;
    // Only auto-approvals: a problem a reviewer let through says nothing about the policy's tier.
    for (const SpotCheck &s : in.spotChecks) {
        if (s.isOpen() || s.source != SpotCheckSource::Auto)
            continue;
        Checks &c = checks[s.type];
        c.category = s.category;
        ++c.done;
        if (*s.verdict == SpotCheckVerdict::Problem) {
            ++c.problems;
            if (c.examples.size() < 3)
                c.examples.append(s.actionId);
        }
    }
    for (auto it = checks.cbegin(); it != checks.cend(); ++it) {
        if (it->problems == 0)
            continue;
        Recommendation r;
        r.id = QStringLiteral("tighten:") + it.key();
        r.kind = RecommendationKind::Tighten;
        r.type = it.key();
        r.category = it->category;
        r.summary = QStringLiteral("Spot checks of auto-approved %1 found %2 problem(s) in %3 checked; "
                                   "consider sending it to review.")
                        .arg(it.key())
                        .arg(it->problems)
                        .arg(it->done);
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)},
            {QStringLiteral("spot_checks"), double(it->done)}, {QStringLiteral("problems"), double(it->problems)},
            {QStringLiteral("problem_rate"), share(it->problems, it->done)},
            {QStringLiteral("auto_approved"), double(byType.value(it.key()).autoApproved)},
            {QStringLiteral("examples"), QJsonArray::fromStringList(it->examples)}};
        if (in.policyTypes.value(it.key(), Tier::Review) == Tier::Auto)
            r.proposedChanges = {PolicyChange{it.key(), Tier::Review}};
        out.append(r);
    }
    // Review types that reviewers often reject or rewrite.
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        const RollupCounts &c = *it;
        if (c.reviewed() < t.minTightenReviewed || !in.policyTypes.contains(it.key()))
            continue;
        const bool rejects = ReportEngine::atLeast(c.rejected, c.reviewed(), t.tightenRejectionRate);
        const bool rewrites = ReportEngine::atLeast(c.modified, c.reviewed(), t.tightenModificationRate);
        if (!rejects && !rewrites)
            continue;
        Recommendation r;
        r.id = QStringLiteral("tighten-rates:") + it.key();
        r.kind = RecommendationKind::Tighten;
        r.type = it.key();
        r.category = in.policyCategories.value(it.key());
        r.summary = QStringLiteral("Reviewers rejected %1 and modified %2 of %3 reviewed %4; "
                                   "look at the agent or add stricter rules.")
                        .arg(percent(share(c.rejected, c.reviewed())), percent(share(c.modified, c.reviewed())))
                        .arg(c.reviewed())
                        .arg(it.key());
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)},
            {QStringLiteral("reviewed"), double(c.reviewed())}, {QStringLiteral("rejected"), double(c.rejected)},
            {QStringLiteral("modified"), double(c.modified)},
            {QStringLiteral("rejection_rate"), share(c.rejected, c.reviewed())},
            {QStringLiteral("modification_rate"), share(c.modified, c.reviewed())},
            {QStringLiteral("high_rejection"), rejects}, {QStringLiteral("high_modification"), rewrites}};
        out.append(r);
    }
    // Confidence rules that let through auto-approvals a spot check found wrong.
    for (const ReportEngine::ConfidenceRule &rule : in.confidenceRules) {
        qint64 letThrough = 0;
        double highest = 0;
        QStringList examples;
        for (const SpotCheck &s : in.spotChecks) {
            if (s.isOpen() || s.source != SpotCheckSource::Auto || *s.verdict != SpotCheckVerdict::Problem
                || s.confidence < rule.threshold)
                continue;
            if (!rule.types.isEmpty() && !rule.types.contains(s.type))
                continue;
            if (!rule.categories.isEmpty() && !rule.categories.contains(s.category))
                continue;
            ++letThrough;
            highest = qMax(highest, s.confidence);
            if (examples.size() < 3)
                examples.append(s.actionId);
        }
        if (letThrough == 0)
            continue;
        // The next multiple of 0.05 above the most confident problem.
        const double suggested = qMin(1.0, std::floor(highest * 20.0 + 1.0 + Epsilon) / 20.0);
        Recommendation r;
        r.id = QStringLiteral("tighten-rule:") + rule.path;
        r.kind = RecommendationKind::Tighten;
        r.summary = QStringLiteral("The confidence threshold %1 of %2 let through %3 auto-approval(s) a spot check "
                                   "found wrong; consider raising it to %4.")
                        .arg(rule.threshold)
                        .arg(rule.path)
                        .arg(letThrough)
                        .arg(suggested);
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)}, {QStringLiteral("rule"), rule.path},
            {QStringLiteral("threshold"), rule.threshold}, {QStringLiteral("problems_let_through"), double(letThrough)},
            {QStringLiteral("highest_confidence"), highest}, {QStringLiteral("suggested_threshold"), suggested},
            {QStringLiteral("examples"), QJsonArray::fromStringList(examples)}};
        out.append(r);
    }
}

void unassigned(const ReportEngine::RecommendationInputs &in, QList<Recommendation> &out)
{
    QMap<QString, RollupCounts> byType;
    QHash<QString, QString> categoryOf;
    const QString home = in.unassignedCategory.isEmpty() ? QStringLiteral("unassigned") : in.unassignedCategory;
    for (const RollupRow &row : in.typeRows) {
        if (in.policyTypes.contains(row.type) || row.type.isEmpty())
            continue;
        byType[row.type] += row.counts;
        // A category the agents' hint chose wins over the unassigned one some actions landed in.
        if (!categoryOf.contains(row.type) || categoryOf.value(row.type) == home)
            categoryOf.insert(row.type, row.category);
    }
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        if (it->submitted == 0)
            continue;
        QJsonArray examples;
        for (const auto &[id, title] : in.examples.value(it.key()))
            examples.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), title}});
        Recommendation r;
        r.id = QStringLiteral("unassigned:") + it.key();
        r.kind = RecommendationKind::Unassigned;
        r.type = it.key();
        r.category = categoryOf.value(it.key());
        r.summary = QStringLiteral("%1 action(s) of type %2, which the policy does not name, went to %3; "
                                   "give the type a category and tier.")
                        .arg(it->submitted)
                        .arg(it.key(), r.category);
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)},
            {QStringLiteral("submitted"), double(it->submitted)}, {QStringLiteral("reviewed"), double(it->reviewed())},
            {QStringLiteral("rejected"), double(it->rejected)}, {QStringLiteral("examples"), examples}};
        // The agents' most frequent category hint (ties: the first by name), whether or not the
        // policy has that category; without hints kept on the actions, the policy category the
        // actions landed in instead of the unassigned one. A proposal can only name a category
        // the policy has, so an unknown hint is evidence, not the proposed category.
        QString hint;
        qint64 best = 0;
        const QMap<QString, qint64> hints = in.categoryHints.value(it.key());
        for (auto h = hints.cbegin(); h != hints.cend(); ++h) {
            if (*h > best) {
                best = *h;
                hint = h.key();
            }
        }
        if (hint.isEmpty() && r.category != home)
            hint = r.category;
        const bool known = !hint.isEmpty()
            && (in.policyCategoryNames.isEmpty() ? hint == r.category : in.policyCategoryNames.contains(hint));
        if (!hint.isEmpty()) {
            r.evidence.insert(QStringLiteral("category_hint"), hint);
            r.evidence.insert(QStringLiteral("category_hint_known"), known);
        }
        r.proposedChanges = {PolicyChange{it.key(), Tier::Review, known ? hint : QString()}};
        out.append(r);
    }
}

void bottlenecks(const ReportEngine::RecommendationInputs &in, QList<Recommendation> &out)
{
    const auto &t = in.thresholds;
    const auto now = ReportEngine::sumBy(in.categoryRows, ReportGrouping::Category);
    const auto before = ReportEngine::sumBy(in.previousCategoryRows, ReportGrouping::Category);
    const ReportEngine::Window previous = in.window.previous();
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const RollupCounts p = before.value(it.key());
        const Growth median{DurationHistogram::quantileSeconds(p.queueTime, 0.5),
            DurationHistogram::quantileSeconds(it->queueTime, 0.5)};
        const Growth p95{DurationHistogram::quantileSeconds(p.queueTime, 0.95),
            DurationHistogram::quantileSeconds(it->queueTime, 0.95)};
        const Growth breaches{double(p.slaBreaches), double(it->slaBreaches)};
        QStringList grew;
        const double factor = t.bottleneckGrowth - Epsilon;
        if (median.ratio() >= factor)
            grew.append(QStringLiteral("median queue time"));
        if (p95.ratio() >= factor)
            grew.append(QStringLiteral("p95 queue time"));
        if (breaches.ratio() >= factor)
            grew.append(QStringLiteral("SLA breaches"));
        if (grew.isEmpty())
            continue;
        Recommendation r;
        r.id = QStringLiteral("bottleneck:category:") + it.key();
        r.kind = RecommendationKind::Bottleneck;
        r.category = it.key();
        r.summary = QStringLiteral("In %1 the %2 grew at least %3-fold against the previous %4 day(s); "
                                   "add reviewers or loosen what needs review.")
                        .arg(it.key(), grew.join(QStringLiteral(" and ")))
                        .arg(t.bottleneckGrowth)
                        .arg(in.window.days());
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)},
            {QStringLiteral("previous_window"), windowJson(previous)},
            {QStringLiteral("queue_time_median_s"), median.toJson()},
            {QStringLiteral("queue_time_p95_s"), p95.toJson()}, {QStringLiteral("sla_breaches"), breaches.toJson()}};
        out.append(r);
    }

    // Reviewers carrying far more than their share of decisions or live claims.
    QMap<QString, qint64> decisions;
    const auto byReviewer = ReportEngine::sumBy(in.reviewerRows, ReportGrouping::Reviewer);
    for (auto it = byReviewer.cbegin(); it != byReviewer.cend(); ++it) {
        if (it->reviewed() > 0)
            decisions.insert(it.key(), it->reviewed());
    }
    QSet<QString> reviewers;
    for (auto it = decisions.cbegin(); it != decisions.cend(); ++it)
        reviewers.insert(it.key());
    for (auto it = in.liveClaims.cbegin(); it != in.liveClaims.cend(); ++it)
        reviewers.insert(it.key());
    if (reviewers.size() < 2)
        return;
    qint64 totalDecisions = 0;
    qint64 totalClaims = 0;
    for (const QString &name : std::as_const(reviewers)) {
        totalDecisions += decisions.value(name);
        totalClaims += in.liveClaims.value(name);
    }
    const double meanDecisions = double(totalDecisions) / double(reviewers.size());
    const double meanClaims = double(totalClaims) / double(reviewers.size());
    QStringList sorted(reviewers.begin(), reviewers.end());
    sorted.sort();
    for (const QString &name : std::as_const(sorted)) {
        const qint64 d = decisions.value(name);
        const qint64 c = in.liveClaims.value(name);
        const bool manyDecisions = meanDecisions > 0 && double(d) >= t.overloadFactor * meanDecisions - Epsilon;
        const bool manyClaims = meanClaims > 0 && double(c) >= t.overloadFactor * meanClaims - Epsilon;
        if (!manyDecisions && !manyClaims)
            continue;
        Recommendation r;
        r.id = QStringLiteral("bottleneck:reviewer:") + name;
        r.kind = RecommendationKind::Bottleneck;
        r.reviewer = name;
        r.summary = manyDecisions
            ? QStringLiteral("%1 made %2 of %3 decisions, %4 times the mean of %5 reviewers; spread the work.")
                  .arg(name)
                  .arg(d)
                  .arg(totalDecisions)
                  .arg(double(d) / meanDecisions, 0, 'f', 1)
                  .arg(reviewers.size())
            : QStringLiteral("%1 holds %2 of %3 live claims, %4 times the mean of %5 reviewers; spread the work.")
                  .arg(name)
                  .arg(c)
                  .arg(totalClaims)
                  .arg(double(c) / meanClaims, 0, 'f', 1)
                  .arg(reviewers.size());
        r.evidence = QJsonObject{{QStringLiteral("window"), windowJson(in.window)},
            {QStringLiteral("decisions"), double(d)}, {QStringLiteral("decision_share"), share(d, totalDecisions)},
            {QStringLiteral("mean_decisions"), meanDecisions}, {QStringLiteral("live_claims"), double(c)},
            {QStringLiteral("mean_live_claims"), meanClaims}, {QStringLiteral("reviewers"), int(reviewers.size())}};
        out.append(r);
    }
}

} // namespace

ReportEngine::Window ReportEngine::Window::previous() const
{
    const qint64 n = days();
    Window w;
    w.firstDay = firstDay.addDays(-n);
    w.endDay = firstDay;
    w.from = startOf(w.firstDay);
    w.to = startOf(w.endDay);
    return w;
}

Result<ReportEngine::Window> ReportEngine::window(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid())
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("must be a UTC ISO 8601 time")));
    if (!to.isValid())
        return fail(Error::invalid(QStringLiteral("to"), QStringLiteral("must be a UTC ISO 8601 time")));
    if (from >= to)
        return fail(Error::invalid(QStringLiteral("from"), QStringLiteral("must be before to")));
    Window w;
    w.firstDay = from.toTimeZone(QTimeZone::UTC).date();
    const QDateTime end = to.toTimeZone(QTimeZone::UTC);
    w.endDay = end.time() == QTime(0, 0) ? end.date() : end.date().addDays(1);
    if (w.days() > MaxWindowDays)
        return fail(Error::invalid(
            QStringLiteral("to"), QStringLiteral("the window may span at most %1 days").arg(MaxWindowDays)));
    w.from = startOf(w.firstDay);
    w.to = startOf(w.endDay);
    return w;
}

QDate ReportEngine::weekStart(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

QString ReportEngine::groupKey(const RollupRow &row, ReportGrouping grouping)
{
    switch (grouping) {
    case ReportGrouping::Category:
        return row.category;
    case ReportGrouping::Type:
        return row.type;
    case ReportGrouping::Reviewer:
        return row.reviewer;
    case ReportGrouping::Agent:
        return row.agent;
    case ReportGrouping::Day:
        return row.day.toString(Qt::ISODate);
    case ReportGrouping::Week:
        return weekStart(row.day).toString(Qt::ISODate);
    }
    return {};
}

bool ReportEngine::atLeast(qint64 part, qint64 whole, double threshold)
{
    return whole > 0 && double(part) >= threshold * double(whole) - Epsilon * double(whole);
}

ReportGroup ReportEngine::summarize(const QString &key, const RollupCounts &c)
{
    ReportGroup g;
    g.key = key;
    g.submitted = c.submitted;
    g.autoApproved = c.autoApproved;
    g.prohibited = c.prohibited;
    g.approved = c.approved;
    g.modified = c.modified;
    g.rejected = c.rejected;
    g.reviewed = c.reviewed();
    g.expired = c.expired;
    g.withdrawn = c.withdrawn;
    g.slaBreaches = c.slaBreaches;
    g.escalations = c.escalations;
    if (g.reviewed > 0) {
        g.approvalRate = share(c.approved, g.reviewed);
        g.modificationRate = share(c.modified, g.reviewed);
        // The remainder, so the three rates sum to exactly 1.
        g.rejectionRate = c.rejected == 0 ? 0.0 : 1.0 - g.approvalRate - g.modificationRate;
    }
    g.queueMedianSeconds = DurationHistogram::quantileSeconds(c.queueTime, 0.5);
    g.queueP95Seconds = DurationHistogram::quantileSeconds(c.queueTime, 0.95);
    g.decideMedianSeconds = DurationHistogram::quantileSeconds(c.decideTime, 0.5);
    return g;
}

QMap<QString, RollupCounts> ReportEngine::sumBy(const QList<RollupRow> &rows, ReportGrouping grouping)
{
    QMap<QString, RollupCounts> sums;
    for (const RollupRow &row : rows) {
        const QString key = groupKey(row, grouping);
        if (!key.isEmpty())
            sums[key] += row.counts;
    }
    return sums;
}

ApprovalReport ReportEngine::approvals(const QList<RollupRow> &rows, ReportGrouping groupBy, const Window &window)
{
    ApprovalReport report;
    report.from = window.from;
    report.to = window.to;
    report.groupBy = groupBy;
    QMap<QString, RollupCounts> sums;
    RollupCounts totals;
    for (const RollupRow &row : rows) {
        totals += row.counts;
        const QString key = groupKey(row, groupBy);
        if (!key.isEmpty())
            sums[key] += row.counts;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        report.groups.append(summarize(it.key(), *it));
    report.totals = summarize(QStringLiteral("total"), totals);
    return report;
}

QList<RollupRow> ReportEngine::rowsIn(const QList<RollupRow> &rows, const Window &window)
{
    QList<RollupRow> in;
    for (const RollupRow &row : rows) {
        if (row.day >= window.firstDay && row.day < window.endDay)
            in.append(row);
    }
    return in;
}

QStringList ReportEngine::promoteCandidates(
    const QList<RollupRow> &rows, const QHash<QString, Tier> &policyTypes, const RecommendationThresholds &t)
{
    QStringList candidates;
    const auto byType = sumBy(rows, ReportGrouping::Type);
    for (auto it = byType.cbegin(); it != byType.cend(); ++it) {
        if (policyTypes.value(it.key(), Tier::Auto) != Tier::Review)
            continue;
        if (it->reviewed() >= t.minReviewed && atLeast(it->approved, it->reviewed(), t.promoteRate))
            candidates.append(it.key());
    }
    return candidates;
}

QStringList ReportEngine::unassignedTypes(const QList<RollupRow> &rows, const QHash<QString, Tier> &policyTypes)
{
    QSet<QString> seen;
    for (const RollupRow &row : rows) {
        if (!row.type.isEmpty() && !policyTypes.contains(row.type) && row.counts.submitted > 0)
            seen.insert(row.type);
    }
    QStringList list(seen.begin(), seen.end());
    list.sort();
    return list;
}

QList<ReportEngine::ConfidenceRule> ReportEngine::confidenceRules(const QByteArray &policyDocument)
{
    QList<ConfidenceRule> list;
    const QJsonArray rules = QJsonDocument::fromJson(policyDocument).object().value(QLatin1String("rules")).toArray();
    auto names = [](const QJsonValue &v) {
        QStringList out;
        if (v.isString())
            out.append(v.toString());
        for (const QJsonValue &item : v.toArray())
            out.append(item.toString());
        return out;
    };
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        const QJsonObject when = rule.value(QLatin1String("when")).toObject();
        if (!when.value(QLatin1String("confidence_below")).isDouble())
            continue;
        bool narrowedElsewhere = false;
        for (auto it = when.begin(); it != when.end(); ++it) {
            if (it.key() != QLatin1String("confidence_below") && it.key() != QLatin1String("type")
                && it.key() != QLatin1String("category"))
                narrowedElsewhere = true;
        }
        const QStringList types = names(when.value(QLatin1String("type")));
        // Globs reach types this report cannot enumerate; exact names only.
        if (narrowedElsewhere || std::any_of(types.begin(), types.end(), [](const QString &t) {
                return t.contains(u'*');
            }))
            continue;
        list.append(
            ConfidenceRule{QStringLiteral("rules[%1]").arg(i), when.value(QLatin1String("confidence_below")).toDouble(),
                types, names(when.value(QLatin1String("category"))), rule.value(QLatin1String("reason")).toString()});
    }
    return list;
}

RecommendationReport ReportEngine::recommend(const RecommendationInputs &in)
{
    RecommendationReport report;
    report.from = in.window.from;
    report.to = in.window.to;
    report.thresholds = in.thresholds;
    const auto byType = sumBy(in.typeRows, ReportGrouping::Type);
    QList<Recommendation> items;
    promote(in, byType, items);
    tighten(in, byType, items);
    unassigned(in, items);
    bottlenecks(in, items);
    std::stable_sort(items.begin(), items.end(), [](const Recommendation &a, const Recommendation &b) {
        if (a.kind != b.kind)
            return int(a.kind) < int(b.kind);
        return a.id < b.id;
    });
    report.items = items;
    return report;
}

} // namespace Countersign
