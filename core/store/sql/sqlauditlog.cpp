#include "sqlauditlog.h"

#include "../sqlconnection.h"
#include "domain/jsonwriter.h"
#include "domain/timeformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlQuery>

namespace Countersign {

namespace {

constexpr int MaxLimit = 1000;
constexpr int VerifyPage = 1000;

const QString SelectEntries = QStringLiteral("SELECT seq, time, actor, role, kind, subject, before_json, after_json, "
                                             "prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?");

// A JSON value as stored: wrapped in an array so scalars, null and objects all round-trip;
// SQL NULL stands for an undefined value (which the canonical encoding omits).
QVariant encodeValue(const QJsonValue &v)
{
    if (v.isUndefined())
        return QVariant();
    JsonWriter w;
    w.raw(QByteArrayLiteral("["));
    w.value(v);
    w.raw(QByteArrayLiteral("]"));
    return QString::fromUtf8(w.take());
}

QJsonValue decodeValue(const QVariant &stored)
{
    if (stored.isNull())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toString().toUtf8());
    // Unreadable text decodes as undefined; its entry then fails verification as altered.
    if (!doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().at(0);
}

// QtSql binds a null QString as SQL NULL; the audit columns are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString hex(const QByteArray &hash)
{
    return hash.isEmpty() ? QStringLiteral("") : QString::fromLatin1(hash);
}

AuditEntry decodeEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.time = fromIsoUtc(q.value(1).toString());
    e.actor = q.value(2).toString();
    e.role = q.value(3).toString();
    e.kind = q.value(4).toString();
    e.subject = q.value(5).toString();
    e.before = decodeValue(q.value(6));
    e.after = decodeValue(q.value(7));
    e.prevHash = q.value(8).toString().toLatin1();
    e.hash = q.value(9).toString().toLatin1();
    return e;
}

} // namespace

SqlAuditLog::SqlAuditLog(SqlConnection &connection)
    : m_connection(connection)
{ }

Result<SqlAuditLog::Head> SqlAuditLog::head()
{
    auto h = m_connection.selectFirst(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"), {},
        QStringLiteral("reading the audit head"), [](const QSqlQuery &q) {
            return Head{q.value(0).toLongLong(), q.value(1).toString().toLatin1()};
        });
    if (!h)
        return fail(h.error());
    return h->value_or(Head{});
}

Result<AuditEntry> SqlAuditLog::append(AuditEntry entry, Head &head)
{
    entry.seq = head.seq + 1;
    entry.prevHash = head.hash;
    entry.hash = entry.computeHash();
    auto inserted = m_connection.write(
        QStringLiteral("INSERT INTO audit (seq, time, actor, role, kind, subject, before_json, after_json, "
                       "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {entry.seq, toIsoUtc(entry.time), text(entry.actor), text(entry.role), text(entry.kind), text(entry.subject),
            encodeValue(entry.before), encodeValue(entry.after), hex(entry.prevHash), hex(entry.hash)},
        QStringLiteral("appending an audit entry"));
    if (!inserted)
        return fail(inserted.error());
    head = Head{entry.seq, entry.hash};
    return entry;
}

Result<void> SqlAuditLog::saveHead(const Head &head)
{
    auto saved
        = m_connection.write(QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                                            "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"),
            {head.seq, hex(head.hash)}, QStringLiteral("recording the audit head"));
    return saved ? Result<void>() : fail(saved.error());
}

Result<AuditEntry> SqlAuditLog::appendOne(AuditEntry entry, const QDateTime &now)
{
    auto current = head();
    if (!current)
        return fail(current.error());
    if (!entry.time.isValid())
        entry.time = now;
    auto appended = append(std::move(entry), *current);
    if (!appended)
        return appended;
    if (auto saved = saveHead(*current); !saved)
        return fail(saved.error());
    return appended;
}

Result<QList<AuditEntry>> SqlAuditLog::entries(qint64 afterSeq, int limit)
{
    return m_connection.selectAll(
        SelectEntries, {afterSeq, qBound(1, limit, MaxLimit)}, QStringLiteral("reading audit entries"), decodeEntry);
}

Result<AuditVerification> SqlAuditLog::verify()
{
    const QString doing = QStringLiteral("verifying the audit log");
    if (auto begun = m_connection.beginRead(doing); !begun)
        return fail(begun.error());
    const auto end = qScopeGuard([&] {
        m_connection.rollback();
    });

    AuditChainVerifier verifier;
    QByteArray lastHash;
    qint64 lastSeq = 0;
    bool broken = false;
    for (;;) {
        auto page = m_connection.select(SelectEntries, {lastSeq, VerifyPage}, doing);
        if (!page)
            return fail(page.error());
        const auto done = qScopeGuard([&] {
            (*page)->finish();
        });
        int rows = 0;
        while (!broken && (*page)->next()) {
            ++rows;
            const AuditEntry e = decodeEntry(**page);
            if (!verifier.add(e)) {
                broken = true;
                break;
            }
            lastSeq = e.seq;
            lastHash = e.hash;
        }
        if (broken || rows < VerifyPage)
            break;
    }
    AuditVerification result = verifier.result();
    if (!result.ok)
        return result;

    auto recorded = head();
    if (!recorded)
        return fail(recorded.error());
    // As for a break in the chain, `entries` counts only the entries before the first bad one.
    auto broke = [&](qint64 seq, const QString &why) {
        result.ok = false;
        result.entries = seq - 1;
        result.firstBadSeq = seq;
        result.problem = why;
        return result;
    };
    if (recorded->seq == 0 && result.entries > 0)
        return broke(result.entries + 1,
            QStringLiteral("the recorded head of the log is missing: entries after %1 may have been deleted")
                .arg(result.entries));
    if (result.entries < recorded->seq)
        return broke(result.entries + 1,
            QStringLiteral("entry %1 is missing: the log ends at entry %2 but its recorded head is entry %3")
                .arg(result.entries + 1)
                .arg(result.entries)
                .arg(recorded->seq));
    if (result.entries > recorded->seq)
        return broke(recorded->seq + 1,
            QStringLiteral("entry %1 was added outside the store: the recorded head of the log is entry %2")
                .arg(recorded->seq + 1)
                .arg(recorded->seq));
    if (result.entries > 0 && lastHash != recorded->hash)
        return broke(
            recorded->seq, QStringLiteral("entry %1 does not match the recorded head of the log").arg(recorded->seq));
    return result;
}

} // namespace Countersign
