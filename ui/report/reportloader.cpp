#include "reportloader.h"

#include "logging.h"

namespace Countersign {

ReportLoader::ReportLoader(ServerConnection *connection, QObject *parent)
    : QObject(parent)
    , m_client(connection)
{ }

void ReportLoader::begin(int requests, std::function<void()> done)
{
    ++m_generation;
    const bool wasBusy = m_pending > 0;
    m_pending = requests;
    m_failed = false;
    m_done = std::move(done);
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

template<typename T, typename Store>
void ReportLoader::fetch(QFuture<Result<T>> future, Store store)
{
    const quint64 generation = m_generation;
    future.then(this, [this, generation, store](const Result<T> &result) {
        if (generation != m_generation)
            return; // superseded
        if (!m_failed) {
            if (result) {
                store(*result);
            } else {
                m_failed = true;
                qCWarning(lcUi) << "report request failed:" << result.error().toString();
                Q_EMIT failed(result.error());
            }
        }
        finishOne();
    });
}

void ReportLoader::finishOne()
{
    if (--m_pending > 0)
        return;
    if (!m_failed)
        m_done();
    Q_EMIT busyChanged(false);
}

void ReportLoader::load(QDate from, QDate to, ReportGrouping tableGrouping)
{
    m_snapshot = ReportSnapshot{};
    m_snapshot.from = from;
    m_snapshot.to = to;
    begin(8, [this] {
        Q_EMIT loaded(m_snapshot);
    });
    auto &s = m_snapshot;
    // The period of equal length just before, for the table's deltas.
    const QDate previousTo = from.addDays(-1);
    const QDate previousFrom = previousTo.addDays(-from.daysTo(to));
    fetch(m_client.approvals(previousFrom, previousTo, tableGrouping), [&s](const ApprovalReport &r) {
        s.previousTable = r;
    });
    fetch(m_client.approvals(previousFrom, previousTo, ReportGrouping::Week), [&s](const ApprovalReport &r) {
        s.previousByWeek = r;
    });
    fetch(m_client.approvals(from, to, ReportGrouping::Category), [&s](const ApprovalReport &r) {
        s.byCategory = r;
    });
    fetch(m_client.approvals(from, to, ReportGrouping::Week), [&s](const ApprovalReport &r) {
        s.byWeek = r;
    });
    fetch(m_client.approvals(from, to, ReportGrouping::Reviewer), [&s](const ApprovalReport &r) {
        s.byReviewer = r;
    });
    fetch(m_client.approvals(from, to, tableGrouping), [&s](const ApprovalReport &r) {
        s.table = r;
    });
    fetch(m_client.recommendations(from, to), [&s](const RecommendationReport &r) {
        s.recommendations = r;
    });
    fetch(m_client.queueStats(), [&s](const QJsonObject &o) {
        s.queueStats = o;
    });
}

void ReportLoader::loadQuarter(int year, int quarter)
{
    m_quarter = QuarterData{};
    m_quarter.year = year;
    m_quarter.quarter = quarter;
    const QDate from = QuarterData::firstDay(year, quarter);
    const QDate to = QuarterData::lastDay(year, quarter);
    const int previousYear = quarter == 1 ? year - 1 : year;
    const int previousQuarter = quarter == 1 ? 4 : quarter - 1;
    const QDate previousFrom = QuarterData::firstDay(previousYear, previousQuarter);
    const QDate previousTo = QuarterData::lastDay(previousYear, previousQuarter);
    begin(7, [this] {
        Q_EMIT quarterLoaded(m_quarter);
    });
    auto &q = m_quarter;
    q.current.from = from;
    q.current.to = to;
    fetch(m_client.approvals(from, to, ReportGrouping::Category), [&q](const ApprovalReport &r) {
        q.current.byCategory = r;
        q.current.table = r;
    });
    fetch(m_client.approvals(from, to, ReportGrouping::Week), [&q](const ApprovalReport &r) {
        q.current.byWeek = r;
    });
    fetch(m_client.approvals(from, to, ReportGrouping::Reviewer), [&q](const ApprovalReport &r) {
        q.current.byReviewer = r;
    });
    fetch(m_client.reviewers(from, to), [&q](const ReviewerReport &r) {
        q.reviewers = r;
    });
    fetch(m_client.recommendations(from, to), [this, &q, from, to](const RecommendationReport &r) {
        q.current.recommendations = r;
        simulatePromotions(from, to);
    });
    fetch(m_client.approvals(previousFrom, previousTo, ReportGrouping::Category), [&q](const ApprovalReport &r) {
        q.previousByCategory = r;
    });
    fetch(m_client.approvals(previousFrom, previousTo, ReportGrouping::Week), [&q](const ApprovalReport &r) {
        q.previousTotals = r;
    });
}

// The what-if line of each promote recommendation: its changes replayed over the quarter. These
// requests join the running load; one that fails leaves its line unknown, not the review.
void ReportLoader::simulatePromotions(QDate from, QDate to)
{
    const quint64 generation = m_generation;
    for (const Recommendation &r : std::as_const(m_quarter.current.recommendations.items)) {
        if (r.kind != RecommendationKind::Promote || r.proposedChanges.isEmpty())
            continue;
        ++m_pending;
        m_client.simulateChanges(r.proposedChanges, from, to)
            .then(this, [this, generation, id = r.id](const Result<SimulationReport> &report) {
                if (generation != m_generation)
                    return; // superseded
                if (report)
                    m_quarter.whatIfRejectedOrModified.insert(id, report->total.rejectedOrModified());
                else
                    qCWarning(lcUi) << "what-if of" << id << "failed:" << report.error().toString();
                finishOne();
            });
    }
}

} // namespace Countersign
