#include "reportclient.h"

#include "serverconnection.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QUrl>

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

QFuture<Result<ReviewerReport>> ReportClient::reviewers(QDate from, QDate to) const
{
    return m_connection
        ->getJson(QStringLiteral("/v1/reports/reviewers"),
            {{QStringLiteral("from"), startOfDay(from)}, {QStringLiteral("to"), endOfDay(to)}})
        .then(decoded<ReviewerReport>);
}

QFuture<Result<DrillDownList>> ReportClient::drillDown(
    const DrillDownCell &cell, int limit, const QString &cursor) const
{
    QList<std::pair<QString, QString>> query = cell.queryItems();
    query.append({QStringLiteral("limit"), QString::number(limit)});
    if (!cursor.isEmpty())
        query.append({QStringLiteral("cursor"), cursor});
    return m_connection->getJson(QStringLiteral("/v1/reports/actions"), query).then(decoded<DrillDownList>);
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
    return simulateChanges(changes, {}, {});
}

QFuture<Result<SimulationReport>> ReportClient::simulateChanges(
    const QList<PolicyChange> &changes, QDate from, QDate to) const
{
    QJsonArray list;
    for (const auto &change : changes)
        list.append(change.toJson());
    QJsonObject body{{QStringLiteral("changes"), list}};
    if (from.isValid() && to.isValid()) {
        body.insert(QStringLiteral("from"), startOfDay(from));
        body.insert(QStringLiteral("to"), endOfDay(to));
    }
    return m_connection->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/simulate"), body)
        .then(decoded<SimulationReport>);
}

QFuture<Result<SimulationReport>> ReportClient::simulateProposal(const QString &proposalId) const
{
    return m_connection
        ->sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/policy/simulate"),
            QJsonObject{{QStringLiteral("proposal"), proposalId}})
        .then(decoded<SimulationReport>);
}

QFuture<Result<QList<PolicyProposal>>> ReportClient::listProposals(int limit) const
{
    return m_connection
        ->getJson(QStringLiteral("/v1/policy/proposals"), {{QStringLiteral("limit"), QString::number(limit)}})
        .then([](const Result<QJsonObject> &reply) -> Result<QList<PolicyProposal>> {
            if (!reply)
                return fail(reply.error());
            QList<PolicyProposal> out;
            const QJsonArray items = reply->value(QLatin1String("items")).toArray();
            for (const QJsonValue &item : items) {
                auto proposal = PolicyProposal::fromJson(item.toObject());
                if (!proposal)
                    return fail(proposal.error());
                out.append(*proposal);
            }
            return out;
        });
}

QFuture<Result<PolicyProposal>> ReportClient::applyProposal(const QString &proposalId) const
{
    return m_connection
        ->sendJson(QByteArrayLiteral("POST"),
            QStringLiteral("/v1/policy/proposals/%1/apply")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(proposalId))),
            QJsonObject{})
        .then(decoded<PolicyProposal>);
}

QFuture<Result<PolicyProposal>> ReportClient::rejectProposal(const QString &proposalId, const QString &reason) const
{
    return m_connection
        ->sendJson(QByteArrayLiteral("POST"),
            QStringLiteral("/v1/policy/proposals/%1/reject")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(proposalId))),
            QJsonObject{{QStringLiteral("reason"), reason}})
        .then(decoded<PolicyProposal>);
}

} // namespace Countersign
