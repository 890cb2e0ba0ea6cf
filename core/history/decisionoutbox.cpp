#include "decisionoutbox.h"

#include "decisionhistory.h"
#include "domain/timeformat.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Countersign {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

DecisionOutbox::DecisionOutbox(DecisionHistory *history)
    : m_history(history)
{ }

Result<void> DecisionOutbox::exec(const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery q(m_history->database());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return fail(Error::unavailable(what + u' ' + q.lastError().text()));
    return {};
}

Result<qint64> DecisionOutbox::add(const OutboxItem &item)
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("INSERT INTO outbox (created, not_before, server, reviewer, action_id, decision, snapshot)"
                             " VALUES (?,?,?,?,?,?,?)"));
    for (const QVariant &v : QVariantList{toIsoUtc(item.created), toIsoUtc(item.notBefore), item.server, item.reviewer,
             item.snapshot.id, compact(item.decision.toJson()), compact(item.snapshot.toJson())})
        q.addBindValue(v.toString().isNull() ? QVariant(QStringLiteral("")) : v);
    if (!q.exec())
        return fail(
            Error::unavailable(tr("The decision could not be saved for sending: %1").arg(q.lastError().text())));
    return q.lastInsertId().toLongLong();
}

Result<void> DecisionOutbox::remove(qint64 id)
{
    return exec(QStringLiteral("DELETE FROM outbox WHERE id = ?"), {id}, tr("The outbox could not be written:"));
}

Result<void> DecisionOutbox::setNotBefore(qint64 id, const QDateTime &notBefore)
{
    return exec(QStringLiteral("UPDATE outbox SET not_before = ? WHERE id = ?"), {toIsoUtc(notBefore), id},
        tr("The outbox could not be written:"));
}

Result<void> DecisionOutbox::noteAttempt(qint64 id, const QString &error)
{
    return exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"),
        {error.isNull() ? QStringLiteral("") : error, id}, tr("The outbox could not be written:"));
}

Result<QList<OutboxItem>> DecisionOutbox::items(const QString &server) const
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("SELECT id, created, not_before, server, reviewer, decision, snapshot, attempts,"
                             " last_error FROM outbox WHERE ? = '' OR server = ? ORDER BY id"));
    q.addBindValue(server.isNull() ? QStringLiteral("") : server);
    q.addBindValue(server.isNull() ? QStringLiteral("") : server);
    if (!q.exec())
        return fail(Error::unavailable(tr("The outbox could not be read: %1").arg(q.lastError().text())));
    QList<OutboxItem> out;
    while (q.next()) {
        OutboxItem item;
        item.id = q.value(0).toLongLong();
        item.created = fromIsoUtc(q.value(1).toString());
        item.notBefore = fromIsoUtc(q.value(2).toString());
        item.server = q.value(3).toString();
        item.reviewer = q.value(4).toString();
        auto decision = Decision::fromJson(object(q.value(5)));
        auto snapshot = Action::fromJson(object(q.value(6)));
        if (!decision || !snapshot)
            return fail(Error::internal(tr("Outbox entry %1 cannot be read.").arg(item.id)));
        item.decision = *decision;
        item.decision.reviewer = item.reviewer;
        item.snapshot = *snapshot;
        item.attempts = q.value(7).toInt();
        item.lastError = q.value(8).toString();
        out.append(std::move(item));
    }
    return out;
}

Result<qint64> DecisionOutbox::count(const QString &server) const
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE ? = '' OR server = ?"));
    q.addBindValue(server.isNull() ? QStringLiteral("") : server);
    q.addBindValue(server.isNull() ? QStringLiteral("") : server);
    if (!q.exec() || !q.next())
        return fail(Error::unavailable(tr("The outbox could not be read: %1").arg(q.lastError().text())));
    return q.value(0).toLongLong();
}

} // namespace Countersign
