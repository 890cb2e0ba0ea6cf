#include "sqldrilldown.h"

#include "../sqlconnection.h"
#include "domain/timeformat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

namespace Countersign {

namespace {

// How one measure reads from the row aliased `a`: which rows hold the fact, when it happened (a
// window condition with its values and an integer sort key) and whose fact it is.
struct MeasureSql {
    QString condition;
    QVariantList conditionValues;
    QString window; // placeholders bound by `windowValues`
    QVariantList windowValues;
    QString sortKey; // milliseconds since the epoch
    QString reviewer;
};

MeasureSql measureSql(DrillDownMeasure measure, const SqlDialect &d, const QDateTime &from, const QDateTime &to)
{
    const qint64 f = from.toMSecsSinceEpoch();
    const qint64 t = to.toMSecsSinceEpoch();
    const QString by = QStringLiteral("coalesce(%1, '')").arg(d.decidedBy);
    const QString byReviewer = QStringLiteral("%1 NOT IN ('policy', 'expiry')").arg(by);
    // An outcome counts on its decision day.
    MeasureSql m;
    // Every end goes through StateMachine's settle(), which sets decided_at: the index's column.
    m.window = QStringLiteral("a.decided_at >= ? AND a.decided_at < ?");
    m.windowValues = {f, t};
    m.sortKey = QStringLiteral("a.decided_at");
    m.reviewer
        = QStringLiteral("CASE WHEN a.state = 'withdrawn' OR %1 IN ('policy', 'expiry') THEN '' ELSE %1 END").arg(by);
    switch (measure) {
    case DrillDownMeasure::Submitted:
        m.condition = QStringLiteral("1 = 1");
        m.window = QStringLiteral("a.created_at >= ? AND a.created_at < ?");
        m.windowValues = {f, t};
        m.sortKey = QStringLiteral("a.created_at");
        m.reviewer = QStringLiteral("''");
        break;
    case DrillDownMeasure::AutoApproved:
        m.condition = QStringLiteral("a.state = 'approved' AND %1 = 'policy'").arg(by);
        break;
    case DrillDownMeasure::Prohibited:
        m.condition = QStringLiteral("a.state IN ('rejected', 'expired') AND %1 = 'policy'").arg(by);
        break;
    case DrillDownMeasure::Reviewed:
        m.condition = QStringLiteral("a.state IN ('approved', 'rejected') AND %1").arg(byReviewer);
        break;
    case DrillDownMeasure::Approved:
        m.condition
            = QStringLiteral("a.state = 'approved' AND %1 AND NOT coalesce(%2, false)").arg(byReviewer, d.modifiedTrue);
        break;
    case DrillDownMeasure::Modified:
        m.condition
            = QStringLiteral("a.state = 'approved' AND %1 AND coalesce(%2, false)").arg(byReviewer, d.modifiedTrue);
        break;
    case DrillDownMeasure::Rejected:
        m.condition = QStringLiteral("a.state = 'rejected' AND %1").arg(byReviewer);
        break;
    case DrillDownMeasure::Expired:
        // Expired by the scheduler, or any other end that is neither a decision nor policy's.
        m.condition = QStringLiteral("a.state IN ('approved', 'rejected', 'expired') AND %1 <> 'policy' "
                                     "AND (%1 = 'expiry' OR a.state = 'expired')")
                          .arg(by);
        break;
    case DrillDownMeasure::Withdrawn:
        m.condition = QStringLiteral("a.state = 'withdrawn'");
        break;
    case DrillDownMeasure::SlaBreaches:
        // A decision or expiry after the deadline, counted on the day it happened.
        m.condition = QStringLiteral("a.state IN ('approved', 'rejected', 'expired') AND %1 <> 'policy' "
                                     "AND a.sla_due_at IS NOT NULL AND a.decided_at > a.sla_due_at")
                          .arg(by);
        m.window = QStringLiteral("a.decided_at >= ? AND a.decided_at < ?");
        m.windowValues = {f, t};
        m.sortKey = QStringLiteral("a.decided_at");
        break;
    case DrillDownMeasure::Escalations:
        // On the escalation day (the deadline's, for records from before escalated_at).
        m.condition = QStringLiteral("a.escalated = ?");
        m.conditionValues = {true};
        m.window = QStringLiteral("((%1 >= ? AND %1 < ?) OR (%1 IS NULL AND a.sla_due_at >= ? AND a.sla_due_at < ?))")
                       .arg(d.escalatedAt);
        m.windowValues = {toIsoUtc(from), toIsoUtc(to), f, t};
        m.sortKey = QStringLiteral("coalesce(a.sla_due_at, a.created_at)");
        m.reviewer = QStringLiteral("''");
        break;
    }
    return m;
}

// The opaque position after the last item of a page: its sort key and id, how many items came
// before, and the measure, so a cursor is not taken for another list.
struct Cursor {
    qint64 key = 0;
    QString id;
    qint64 listed = 0;
};

QString encodeCursor(DrillDownMeasure measure, const Cursor &c)
{
    const QJsonObject o{{QStringLiteral("m"), drillDownMeasureName(measure)},
        {QStringLiteral("k"), QString::number(c.key)}, {QStringLiteral("i"), c.id},
        {QStringLiteral("n"), QString::number(c.listed)}};
    return QString::fromLatin1(QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<Cursor> decodeCursor(const QString &token, DrillDownMeasure measure)
{
    const auto bad = [] {
        return fail(Error::invalid(QStringLiteral("cursor"), QStringLiteral("is not a next_cursor of this list")));
    };
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return bad();
    const QJsonObject o = QJsonDocument::fromJson(*decoded).object();
    Cursor c;
    bool keyOk = false;
    bool listedOk = false;
    c.key = o.value(QLatin1String("k")).toString().toLongLong(&keyOk);
    c.listed = o.value(QLatin1String("n")).toString().toLongLong(&listedOk);
    c.id = o.value(QLatin1String("i")).toString();
    if (!keyOk || !listedOk || c.listed <= 0 || c.id.isEmpty()
        || o.value(QLatin1String("m")).toString() != drillDownMeasureName(measure))
        return bad();
    return c;
}

QDateTime startOf(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::UTC);
}

} // namespace

SqlDrillDown::SqlDrillDown(SqlConnection &connection, SqlDialect dialect)
    : m_connection(connection)
    , m_dialect(std::move(dialect))
{ }

Result<DrillDownPage> SqlDrillDown::page(const DrillDownQuery &query, const QMap<QDate, qint64> &counted)
{
    Cursor after;
    if (!query.cursor.isEmpty()) {
        auto decoded = decodeCursor(query.cursor, query.measure);
        if (!decoded)
            return fail(decoded.error());
        after = *decoded;
    }
    DrillDownPage page;
    for (const qint64 n : counted)
        page.total += n;
    const int limit = int(qMin<qint64>(qBound(1, query.limit, DrillDownQuery::MaxLimit), page.total - after.listed));
    if (limit <= 0)
        return page;
    // Only the span of the days that have facts: a rare measure need not walk the whole window.
    const QDateTime from = qMax(query.from, startOf(counted.firstKey()));
    const QDateTime to = qMin(query.to, startOf(counted.lastKey().addDays(1)));
    const MeasureSql m = measureSql(query.measure, m_dialect, from, to);
    QStringList where{m.condition, m.window};
    QVariantList values = m.conditionValues;
    values.append(m.windowValues);
    const std::pair<const char *, const QString *> columns[]
        = {{"a.category", &query.category}, {"a.type", &query.type}, {"a.agent", &query.agent}};
    for (const auto &[column, value] : columns) {
        if (!value->isEmpty()) {
            where.append(QLatin1String(column) + QStringLiteral(" = ?"));
            values.append(*value);
        }
    }
    if (query.reviewer) {
        where.append(QStringLiteral("(%1) = ?").arg(m.reviewer));
        values.append(*query.reviewer);
    }
    if (query.tier) {
        where.append(QStringLiteral("a.tier = ?"));
        values.append(tierName(*query.tier));
    }
    if (after.listed > 0) {
        where.append(QStringLiteral("(%1 < ? OR (%1 = ? AND a.id < ?))").arg(m.sortKey));
        values.append({after.key, after.key, after.id});
    }
    // The LIMIT is what is left to list: the walk ends at the last counted fact, not the window's end.
    values.append(limit);
    struct Row {
        Action action;
        qint64 key = 0;
    };
    auto rows = m_connection.selectAll(
        QStringLiteral("SELECT a.record, %1 FROM actions a WHERE %2 ORDER BY %1 DESC, a.id DESC LIMIT ?")
            .arg(m.sortKey, where.join(QStringLiteral(" AND "))),
        values, QStringLiteral("listing a report's actions"), [this](const QSqlQuery &row) -> Result<Row> {
            const QJsonDocument doc = QJsonDocument::fromJson(row.value(0).toString().toUtf8());
            auto action = Action::fromJson(doc.object());
            if (!action)
                return fail(Error::internal(QStringLiteral("a stored action in %1 is invalid: %2")
                        .arg(m_connection.where(), action.error().toString())));
            return Row{std::move(*action), row.value(1).toLongLong()};
        });
    if (!rows)
        return fail(rows.error());
    const qint64 listed = after.listed + rows->size();
    if (rows->size() == limit && listed < page.total)
        page.nextCursor
            = encodeCursor(query.measure, Cursor{rows->constLast().key, rows->constLast().action.id, listed});
    page.items.reserve(rows->size());
    for (Row &row : *rows)
        page.items.append(std::move(row.action));
    return page;
}

} // namespace Countersign
