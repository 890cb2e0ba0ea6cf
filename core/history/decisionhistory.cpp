#include "decisionhistory.h"

#include "domain/csvwriter.h"
#include "domain/timeformat.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Countersign {

namespace {

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error::unavailable(
        DecisionHistory::tr("The local decision history cannot be %1: %2").arg(what, error.text()));
}

AuditEntry chainEntry(const HistoryEntry &e, qint64 seq, const QByteArray &prevHash)
{
    AuditEntry a;
    a.seq = seq;
    a.time = e.time;
    a.actor = e.reviewer;
    a.role = QStringLiteral("reviewer");
    a.kind = QStringLiteral("decision");
    a.subject = e.actionId;
    a.after = e.record();
    a.prevHash = prevHash;
    return a;
}

// The WHERE clause and its bound values for a query.
struct Filter {
    QString where;
    QVariantList values;
};

Filter filterFor(const HistoryQuery &q)
{
    QStringList parts;
    Filter f;
    if (!q.text.isEmpty()) {
        parts << QStringLiteral(
            "(title LIKE ? OR type LIKE ? OR category LIKE ? OR reason LIKE ? OR action_id LIKE ?)");
        const QString like = QLatin1Char('%') + q.text + QLatin1Char('%');
        for (int i = 0; i < 5; ++i)
            f.values << like;
    }
    if (!q.outcome.isEmpty()) {
        parts << QStringLiteral("outcome = ?");
        f.values << q.outcome;
    }
    if (q.from.isValid()) {
        parts << QStringLiteral("time >= ?");
        f.values << toIsoUtc(q.from);
    }
    if (q.to.isValid()) {
        parts << QStringLiteral("time < ?");
        f.values << toIsoUtc(q.to);
    }
    if (!parts.isEmpty())
        f.where = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return f;
}

// SQLite stores a null QString as NULL; the text columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

DecisionHistory::DecisionHistory(QString path)
    : m_path(std::move(path))
    , m_connectionName(QStringLiteral("countersign-history-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

DecisionHistory::~DecisionHistory()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<void> DecisionHistory::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(sqlError(tr("opened"), db.lastError()));
    QSqlQuery q(db);
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
             "CREATE TABLE IF NOT EXISTS history ("
             " seq INTEGER PRIMARY KEY, time TEXT NOT NULL, action_id TEXT NOT NULL,"
             " type TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,"
             " outcome TEXT NOT NULL, reason TEXT NOT NULL, record TEXT NOT NULL,"
             " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
             "CREATE INDEX IF NOT EXISTS history_time ON history(time)",
             // Decisions made but not yet answered by the server (DecisionOutbox).
             "CREATE TABLE IF NOT EXISTS outbox ("
             " id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, not_before TEXT NOT NULL,"
             " server TEXT NOT NULL, reviewer TEXT NOT NULL, action_id TEXT NOT NULL,"
             " decision TEXT NOT NULL, snapshot TEXT NOT NULL,"
             " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '')",
             // A reviewer's unfinished edits, per item (EditDrafts).
             "CREATE TABLE IF NOT EXISTS drafts ("
             " server TEXT NOT NULL, action_id TEXT NOT NULL, text TEXT NOT NULL, updated TEXT NOT NULL,"
             " PRIMARY KEY (server, action_id))"}) {
        if (!q.exec(QLatin1String(sql)))
            return fail(sqlError(tr("prepared"), q.lastError()));
    }
    return {};
}

QSqlDatabase DecisionHistory::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<qint64> DecisionHistory::record(const HistoryEntry &entry, qint64 settlesOutboxId)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return fail(sqlError(tr("written"), db.lastError()));
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1"))) {
        db.rollback();
        return fail(sqlError(tr("read"), last.lastError()));
    }
    qint64 seq = 1;
    QByteArray prev;
    if (last.next()) {
        seq = last.value(0).toLongLong() + 1;
        prev = last.value(1).toString().toLatin1();
    }
    HistoryEntry e = entry;
    if (!e.time.isValid())
        e.time = QDateTime::currentDateTimeUtc();
    AuditEntry chained = chainEntry(e, seq, prev);
    chained.hash = chained.computeHash();

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO history (seq, time, action_id, type, category, title, outcome, reason,"
                                  " record, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : QVariantList{seq, toIsoUtc(e.time), text(e.actionId), text(e.actionType), text(e.category),
             text(e.title), text(e.outcome), text(e.reason),
             QString::fromUtf8(QJsonDocument(e.record()).toJson(QJsonDocument::Compact)),
             text(QString::fromLatin1(prev)), QString::fromLatin1(chained.hash)})
        insert.addBindValue(v);
    if (!insert.exec()) {
        db.rollback();
        return fail(sqlError(tr("written"), insert.lastError()));
    }
    if (settlesOutboxId > 0) {
        QSqlQuery settle(db);
        settle.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
        settle.addBindValue(settlesOutboxId);
        if (!settle.exec()) {
            db.rollback();
            return fail(sqlError(tr("written"), settle.lastError()));
        }
    }
    if (!db.commit()) {
        db.rollback();
        return fail(sqlError(tr("written"), db.lastError()));
    }
    return seq;
}

Result<QList<HistoryEntry>> DecisionHistory::entries(const HistoryQuery &query) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const Filter f = filterFor(query);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT seq, record FROM history") + f.where
        + QStringLiteral(" ORDER BY seq DESC LIMIT ? OFFSET ?"));
    for (const auto &v : f.values)
        q.addBindValue(v);
    q.addBindValue(query.limit);
    q.addBindValue(query.offset);
    if (!q.exec())
        return fail(sqlError(tr("read"), q.lastError()));
    QList<HistoryEntry> out;
    while (q.next()) {
        const QJsonObject record = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        out.append(HistoryEntry::fromRecord(q.value(0).toLongLong(), record));
    }
    return out;
}

Result<qint64> DecisionHistory::count(const HistoryQuery &query) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const Filter f = filterFor(query);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM history") + f.where);
    for (const auto &v : f.values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return fail(sqlError(tr("read"), q.lastError()));
    return q.value(0).toLongLong();
}

Result<HistoryEntry> DecisionHistory::entry(qint64 seq) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT record FROM history WHERE seq = ?"));
    q.addBindValue(seq);
    if (!q.exec())
        return fail(sqlError(tr("read"), q.lastError()));
    if (!q.next())
        return fail(Error::notFound(tr("There is no decision %1 in the history.").arg(seq)));
    return HistoryEntry::fromRecord(seq, QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

Result<AuditVerification> DecisionHistory::verify() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT seq, time, action_id, outcome, record, prev_hash, hash FROM history ORDER BY seq")))
        return fail(sqlError(tr("read"), q.lastError()));
    AuditChainVerifier verifier;
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        const HistoryEntry e
            = HistoryEntry::fromRecord(seq, QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
        AuditEntry a = chainEntry(e, seq, q.value(5).toString().toLatin1());
        a.hash = q.value(6).toString().toLatin1();
        // The searchable columns must agree with the signed record, or a list would show edits.
        if (q.value(1).toString() != toIsoUtc(e.time) || q.value(2).toString() != e.actionId
            || q.value(3).toString() != e.outcome)
            a.hash = QByteArrayLiteral("columns-differ-from-record");
        if (!verifier.add(a))
            break;
    }
    return verifier.result();
}

Result<void> DecisionHistory::exportCsv(QIODevice *device, const HistoryQuery &query) const
{
    HistoryQuery all = query;
    all.limit = std::numeric_limits<int>::max();
    all.offset = 0;
    const auto list = entries(all);
    if (!list)
        return fail(list.error());
    CsvWriter csv;
    csv.addRow({QStringLiteral("seq"), QStringLiteral("time"), QStringLiteral("action_id"), QStringLiteral("type"),
        QStringLiteral("category"), QStringLiteral("title"), QStringLiteral("outcome"), QStringLiteral("reason"),
        QStringLiteral("reviewer"), QStringLiteral("server_accepted"), QStringLiteral("server_answer")});
    for (const auto &e : *list) {
        csv.addRow({QString::number(e.seq), toIsoUtc(e.time), e.actionId, e.actionType, e.category, e.title, e.outcome,
            e.reason, e.reviewer, e.serverAccepted ? QStringLiteral("true") : QStringLiteral("false"), e.serverAnswer});
    }
    const QByteArray &out = csv.data();
    if (device->write(out) != out.size())
        return fail(Error::unavailable(tr("The export could not be written: %1").arg(device->errorString())));
    return {};
}

Result<void> DecisionHistory::exportJson(QIODevice *device, const HistoryQuery &query) const
{
    HistoryQuery all = query;
    all.limit = std::numeric_limits<int>::max();
    all.offset = 0;
    const auto list = entries(all);
    if (!list)
        return fail(list.error());
    QJsonArray array;
    for (const auto &e : *list) {
        QJsonObject o = e.record();
        o.insert(QStringLiteral("seq"), double(e.seq));
        array.append(o);
    }
    const QByteArray out = QJsonDocument(array).toJson(QJsonDocument::Indented);
    if (device->write(out) != out.size())
        return fail(Error::unavailable(tr("The export could not be written: %1").arg(device->errorString())));
    return {};
}

} // namespace Countersign
