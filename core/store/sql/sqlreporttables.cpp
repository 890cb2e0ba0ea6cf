#include "sqlreporttables.h"

#include "../sqlconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

namespace Countersign {

namespace {

constexpr int MaxLimit = 1000;
constexpr int MaxSpotChecks = 100000;
const QDate Epoch(1970, 1, 1);

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

const QString KeyColumns = QStringLiteral("day, category, type, reviewer, agent, tier");

// The upsert of a row whose non-zero counters are `columns` (indexes into columnNames()). A
// change touches two or three of the 138 counters, so binding only those is what keeps the
// rollup cheap; each shape is one cached statement, and there are few shapes.
QString upsertSql(const QList<int> &columns)
{
    const QStringList &names = RollupCounts::columnNames();
    QStringList listed;
    QStringList sets;
    for (int c : columns) {
        const QString &n = names.at(c);
        listed.append(n);
        sets.append(n + QStringLiteral(" = report_rollups.") + n + QStringLiteral(" + excluded.") + n);
    }
    const QStringList marks(6 + columns.size(), QStringLiteral("?"));
    QString sql = QStringLiteral("INSERT INTO report_rollups (") + KeyColumns
        + (listed.isEmpty() ? QString() : QStringLiteral(", ") + listed.join(QStringLiteral(", ")))
        + QStringLiteral(") VALUES (") + marks.join(QStringLiteral(", ")) + QStringLiteral(") ON CONFLICT (")
        + KeyColumns + QStringLiteral(") DO ");
    sql += sets.isEmpty() ? QStringLiteral("NOTHING") : QStringLiteral("UPDATE SET ") + sets.join(QStringLiteral(", "));
    return sql;
}

// The SELECT list and GROUP BY of a rollup read: every key column (constants for the ones a
// grouping drops), then the counters, summed when grouping.
QString rollupSql(std::optional<ReportGrouping> groupBy, const QString &nullDay)
{
    const QStringList &columns = RollupCounts::columnNames();
    if (!groupBy) {
        return QStringLiteral("SELECT ") + KeyColumns + QStringLiteral(", ") + columns.join(QStringLiteral(", "))
            + QStringLiteral(" FROM report_rollups WHERE day >= ? AND day < ?");
    }
    QString day = nullDay;
    QString category = QStringLiteral("''");
    QString type = QStringLiteral("''");
    QString reviewer = QStringLiteral("''");
    QString agent = QStringLiteral("''");
    QString group;
    switch (*groupBy) {
    case ReportGrouping::Category:
        category = group = QStringLiteral("category");
        break;
    case ReportGrouping::Type:
        type = group = QStringLiteral("type");
        category = QStringLiteral("max(category)");
        break;
    case ReportGrouping::Reviewer:
        reviewer = group = QStringLiteral("reviewer");
        break;
    case ReportGrouping::Agent:
        agent = group = QStringLiteral("agent");
        break;
    case ReportGrouping::Day:
        day = group = QStringLiteral("day");
        break;
    case ReportGrouping::Week:
        // Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 counts the days since Monday (the
        // remainder keeps the dividend's sign in both SQLite and PostgreSQL). The row carries
        // its first day in the window, not the Monday, which may precede the window.
        day = QStringLiteral("min(day)");
        group = QStringLiteral("day - ((day + 3) % 7)");
        break;
    }
    QStringList sums;
    for (const QString &c : columns)
        sums.append(QStringLiteral("sum(") + c + u')');
    return QStringLiteral("SELECT %1, %2, %3, %4, %5, '', ").arg(day, category, type, reviewer, agent)
        + sums.join(QStringLiteral(", ")) + QStringLiteral(" FROM report_rollups WHERE day >= ? AND day < ? GROUP BY ")
        + group;
}

const QString SpotCheckColumns
    = QStringLiteral("action_id, type, category, agent, title, confidence, tier_reason, "
                     "sampled_at, verdict, note, checked_by, checked_at, source, approved_by");

SpotCheck decodeSpotCheck(const QSqlQuery &q)
{
    SpotCheck s;
    s.actionId = q.value(0).toString();
    s.type = q.value(1).toString();
    s.category = q.value(2).toString();
    s.agent = q.value(3).toString();
    s.title = q.value(4).toString();
    s.confidence = q.value(5).toDouble();
    s.tierReason = q.value(6).toString();
    s.sampledAt = fromMs(q.value(7));
    if (!q.value(8).isNull())
        s.verdict = spotCheckVerdictFromName(q.value(8).toString());
    s.note = q.value(9).toString();
    s.checkedBy = q.value(10).toString();
    s.checkedAt = fromMs(q.value(11));
    s.source = spotCheckSourceFromName(q.value(12).toString()).value_or(SpotCheckSource::Auto);
    s.approvedBy = q.value(13).toString();
    return s;
}

const QString ProposalColumns = QStringLiteral("id, recommendation_id, changes, note, state, created_by, created_at, "
                                               "decided_by, decided_at, reason, policy_version");

Result<PolicyProposal> decodeProposal(const QSqlQuery &q)
{
    PolicyProposal p;
    p.id = q.value(0).toString();
    p.recommendationId = q.value(1).toString();
    const QJsonArray changes = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array();
    for (const QJsonValue &v : changes) {
        auto c = PolicyChange::fromJson(v.toObject());
        if (!c)
            return fail(Error::internal(
                QStringLiteral("proposal %1 holds an unreadable change: %2").arg(p.id, c.error().toString())));
        p.changes.append(*c);
    }
    p.note = q.value(3).toString();
    const auto state = proposalStateFromName(q.value(4).toString());
    if (!state)
        return fail(Error::internal(QStringLiteral("proposal %1 has an unknown state").arg(p.id)));
    p.state = *state;
    p.createdBy = q.value(5).toString();
    p.createdAt = fromMs(q.value(6));
    p.decidedBy = q.value(7).toString();
    p.decidedAt = fromMs(q.value(8));
    p.reason = q.value(9).toString();
    p.policyVersion = q.value(10).toInt();
    return p;
}

} // namespace

SqlReportTables::SqlReportTables(SqlConnection &connection, QString nullDay)
    : m_connection(connection)
    , m_nullDay(std::move(nullDay))
{ }

SqlReportTables::~SqlReportTables() = default;

qint64 SqlReportTables::dayNumber(const QDate &day)
{
    return Epoch.daysTo(day);
}

QDate SqlReportTables::dayFromNumber(qint64 number)
{
    return Epoch.addDays(number);
}

Result<void> SqlReportTables::addToRollup(const RollupRow &row)
{
    QList<int> columns;
    QVariantList values{dayNumber(row.day), text(row.category), text(row.type), text(row.reviewer), text(row.agent),
        tierName(row.tier)};
    for (int i = 0; i < RollupCounts::ColumnCount; ++i) {
        if (const qint64 v = row.counts.column(i); v != 0) {
            columns.append(i);
            values.append(v);
        }
    }
    if (columns.isEmpty())
        return {};
    QString &sql = m_upserts[columns];
    if (sql.isEmpty())
        sql = upsertSql(columns);
    auto written = m_connection.write(sql, values, QStringLiteral("updating the report rollup"));
    return written ? Result<void>() : fail(written.error());
}

Result<void> SqlReportTables::openSpotCheck(const SpotCheck &s)
{
    // A replayed insert of the same action keeps the first sample.
    auto written = m_connection.write(QStringLiteral("INSERT INTO spot_checks (") + SpotCheckColumns
            + QStringLiteral(
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?) ON CONFLICT (action_id) DO NOTHING"),
        {s.actionId, text(s.type), text(s.category), text(s.agent), text(s.title), s.confidence, text(s.tierReason),
            s.sampledAt.toMSecsSinceEpoch(), spotCheckSourceName(s.source), text(s.approvedBy)},
        QStringLiteral("opening a spot check"));
    return written ? Result<void>() : fail(written.error());
}

Result<QList<RollupRow>> SqlReportTables::rollups(
    const QDate &from, const QDate &to, std::optional<ReportGrouping> groupBy)
{
    return m_connection.selectAll(rollupSql(groupBy, m_nullDay), {dayNumber(from), dayNumber(to)},
        QStringLiteral("reading the report rollup"), [](const QSqlQuery &r) {
            RollupRow row;
            if (!r.value(0).isNull())
                row.day = dayFromNumber(r.value(0).toLongLong());
            row.category = r.value(1).toString();
            row.type = r.value(2).toString();
            row.reviewer = r.value(3).toString();
            row.agent = r.value(4).toString();
            row.tier = tierFromName(r.value(5).toString()).value_or(Tier::Review);
            for (int i = 0; i < RollupCounts::ColumnCount; ++i)
                row.counts.setColumn(i, r.value(6 + i).toLongLong());
            return row;
        });
}

Result<QList<SpotCheck>> SqlReportTables::spotChecks(
    std::optional<bool> open, const QDateTime &from, const QDateTime &to, int limit)
{
    // An unbounded side leaves its condition out rather than binding an extreme number.
    QString sql = QStringLiteral("SELECT ") + SpotCheckColumns + QStringLiteral(" FROM spot_checks WHERE true");
    QVariantList values;
    if (from.isValid()) {
        sql += QStringLiteral(" AND sampled_at >= ?");
        values.append(from.toMSecsSinceEpoch());
    }
    if (to.isValid()) {
        sql += QStringLiteral(" AND sampled_at < ?");
        values.append(to.toMSecsSinceEpoch());
    }
    if (open)
        sql += *open ? QStringLiteral(" AND verdict IS NULL") : QStringLiteral(" AND verdict IS NOT NULL");
    // Open ones oldest sampled first, then done ones newest checked first (a verdict without a
    // time sorts first among them, as in SQLite).
    sql += QStringLiteral(" ORDER BY verdict IS NOT NULL, CASE WHEN verdict IS NULL THEN sampled_at "
                          "ELSE -checked_at END NULLS FIRST, action_id LIMIT ?");
    values.append(qBound(1, limit, MaxSpotChecks));
    return m_connection.selectAll(sql, values, QStringLiteral("listing spot checks"), decodeSpotCheck);
}

Result<QList<SpotCheckTally>> SqlReportTables::reviewerSpotChecks(const QDateTime &from, const QDateTime &to)
{
    return m_connection.selectAll(
        QStringLiteral("SELECT approved_by, count(*), count(verdict), "
                       "sum(CASE WHEN verdict = 'problem' THEN 1 ELSE 0 END) FROM spot_checks "
                       "WHERE source = 'review' AND sampled_at >= ? AND sampled_at < ? "
                       "GROUP BY approved_by ORDER BY approved_by"),
        {from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()}, QStringLiteral("counting reviewers' spot checks"),
        [](const QSqlQuery &q) {
            SpotCheckTally t;
            t.reviewer = q.value(0).toString();
            t.sampled = q.value(1).toLongLong();
            t.checked = q.value(2).toLongLong();
            t.problems = q.value(3).toLongLong();
            return t;
        });
}

Result<std::optional<SpotCheck>> SqlReportTables::spotCheck(const QString &actionId)
{
    return m_connection.selectFirst(
        QStringLiteral("SELECT ") + SpotCheckColumns + QStringLiteral(" FROM spot_checks WHERE action_id = ?"),
        {actionId}, QStringLiteral("reading spot check %1").arg(actionId), decodeSpotCheck);
}

Result<SpotCheck> SqlReportTables::recordVerdict(const SpotCheck &checked)
{
    if (!checked.verdict)
        return fail(Error::invalid(QStringLiteral("verdict"), QStringLiteral("is missing")));
    auto current = spotCheck(checked.actionId);
    if (!current)
        return fail(current.error());
    if (!*current)
        return fail(Error::notFound(QStringLiteral("no spot check %1").arg(checked.actionId)));
    if (!(*current)->isOpen())
        return fail(Error::conflict(QStringLiteral("spot check %1 already has the verdict %2 by %3")
                .arg(checked.actionId, spotCheckVerdictName(*(*current)->verdict), (*current)->checkedBy)));
    // A second opinion is the point: whoever approved the action does not judge the approval.
    if ((*current)->source == SpotCheckSource::Review && (*current)->approvedBy == checked.checkedBy)
        return fail(Error{ErrorCode::Conflict,
            QStringLiteral("spot check %1 samples an approval by %2; another reviewer gives its verdict")
                .arg(checked.actionId, checked.checkedBy),
            QStringLiteral("approved_by")});
    // The caller's write transaction (SQLite's write lock, PostgreSQL's log lock) keeps other
    // verdicts out in between; the condition on verdict still refuses a second one.
    auto written = m_connection.write(QStringLiteral("UPDATE spot_checks SET verdict = ?, note = ?, checked_by = ?, "
                                                     "checked_at = ? WHERE action_id = ? AND verdict IS NULL"),
        {spotCheckVerdictName(*checked.verdict), text(checked.note), text(checked.checkedBy),
            msOrNull(checked.checkedAt), checked.actionId},
        QStringLiteral("recording spot check %1").arg(checked.actionId));
    if (!written)
        return fail(written.error());
    if (*written != 1)
        return fail(Error::conflict(QStringLiteral("spot check %1 got a verdict concurrently").arg(checked.actionId)));
    SpotCheck result = **current;
    result.verdict = checked.verdict;
    result.note = checked.note;
    result.checkedBy = checked.checkedBy;
    result.checkedAt = checked.checkedAt;
    return result;
}

Result<std::optional<PolicyProposal>> SqlReportTables::proposal(const QString &id)
{
    return m_connection.selectFirst(
        QStringLiteral("SELECT ") + ProposalColumns + QStringLiteral(" FROM policy_proposals WHERE id = ?"), {id},
        QStringLiteral("reading proposal %1").arg(id), decodeProposal);
}

Result<QList<PolicyProposal>> SqlReportTables::proposals(int limit)
{
    return m_connection.selectAll(QStringLiteral("SELECT ") + ProposalColumns
            + QStringLiteral(" FROM policy_proposals ORDER BY created_at DESC, id DESC LIMIT ?"),
        {qBound(1, limit, MaxLimit)}, QStringLiteral("listing proposals"), decodeProposal);
}

Result<void> SqlReportTables::saveProposal(const PolicyProposal &p, std::optional<ProposalState> expectedState)
{
    QJsonArray changes;
    for (const PolicyChange &c : p.changes)
        changes.append(c.toJson());
    const QString changesText = QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact));
    const QVariantList values{textOrNull(p.recommendationId), changesText, text(p.note), proposalStateName(p.state),
        text(p.createdBy), msOrNull(p.createdAt), textOrNull(p.decidedBy), msOrNull(p.decidedAt), textOrNull(p.reason),
        p.policyVersion > 0 ? QVariant(p.policyVersion) : QVariant(), p.id};
    const QString doing = QStringLiteral("saving proposal %1").arg(p.id);
    if (!expectedState) {
        // A taken id leaves the transaction usable (no unique violation to abort it).
        auto inserted = m_connection.write(
            QStringLiteral("INSERT INTO policy_proposals (recommendation_id, changes, note, state, created_by, "
                           "created_at, decided_by, decided_at, reason, policy_version, id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
            values, doing);
        if (!inserted)
            return fail(inserted.error());
        if (*inserted == 1)
            return {};
        return fail(Error::conflict(QStringLiteral("proposal %1 already exists").arg(p.id)));
    }
    QVariantList update = values;
    update.append(proposalStateName(*expectedState));
    auto written = m_connection.write(
        QStringLiteral("UPDATE policy_proposals SET recommendation_id = ?, changes = ?, note = ?, state = ?, "
                       "created_by = ?, created_at = ?, decided_by = ?, decided_at = ?, reason = ?, "
                       "policy_version = ? WHERE id = ? AND state = ?"),
        update, doing);
    if (!written)
        return fail(written.error());
    if (*written == 1)
        return {};
    auto current = proposal(p.id);
    if (!current)
        return fail(current.error());
    if (!*current)
        return fail(Error::notFound(QStringLiteral("no proposal %1").arg(p.id)));
    return fail(
        Error::conflict(QStringLiteral("proposal %1 is already %2").arg(p.id, proposalStateName((*current)->state))));
}

} // namespace Countersign
