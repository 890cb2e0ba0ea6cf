#include "reportclient.h"

#include "serverconnection.h"

#include <QJsonArray>
#include <QTimeZone>

namespace Countersign {

namespace {

// The server answers with the report object itself; any decoding error becomes the caller's.
template<typename T>
Result<T> decoded(const Result<QJsonObject> &reply)
{
    if (!reply)
        return fail(reply.error());
    return T::fromJson(*reply);
}

} // namespace

ReportClient::ReportClient(ServerConnection *connection)
    : m_connection(connection)
{ }

QString ReportClient::startOfDay(QDate day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::UTC).toString(Qt::ISODate);
}

QString ReportClient::endOfDay(QDate day)
{
    return QDateTime(day, QTime(23, 59, 59), QTimeZone::UTC).toString(Qt::ISODate);
}

QFuture<Result<ApprovalReport>> ReportClient::approvals(QDate from, QDate to, ReportGrouping groupBy) const
{
    return m_connection
        ->getJson(QStringLiteral("/v1/reports/approvals"),
            {{QStringLiteral("from"), startOfDay(from)}, {QStringLiteral("to"), endOfDay(to)},
                {QStringLiteral("group_by"), reportGroupingName(groupBy)}})
        .then(decoded<ApprovalReport>);
}

QFuture<Result<RecommendationReport>> ReportClient::recommendations(QDate from, QDate to) const
{
    return m_connection
        ->getJson(QStringLiteral("/v1/reports/recommendations"),
            {{QStringLiteral("from"), startOfDay(from)}, {QStringLiteral("to"), endOfDay(to)}})
        .then(decoded<RecommendationReport>);
}

QFuture<Result<QJsonObject>> ReportClient::queueStats() const
{
    return m_connection->getJson(QStringLiteral("/v1/queue/stats"));
}

QFuture<Result<PolicyProposal>> ReportClient::proposePolicyChange(
    const QList<PolicyChange> &changes, const QString &recommendationId, const QString &note) const
{
    QJsonArray list;
    for (const auto &change : changes)
        list.append(change.toJson());
    QJsonObject body{{QStringLiteral("changes"), list}, {QStringLiteral("note"), note}};
    if (!recommendationId.isEmpty())
        body.insert(QStringLiteral("recommendation_id"), recommendationId);
    return m_connection->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/proposals"), body)
        .then(decoded<PolicyProposal>);
}

QFuture<Result<SimulationReport>> ReportClient::simulateChanges(const QList<PolicyChange> &changes) const
{
    QJsonArray list;
    for (const auto &change : changes)
        list.append(change.toJson());
    return m_connection
        ->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/simulate"),
            QJsonObject{{QStringLiteral("changes"), list}})
        .then(decoded<SimulationReport>);
}

QFuture<Result<SimulationReport>> ReportClient::simulateProposal(const QString &proposalId) const
{
    return m_connection
        ->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/simulate"),
            QJsonObject{{QStringLiteral("proposal"), proposalId}})
        .then(decoded<SimulationReport>);
}

} // namespace Countersign
