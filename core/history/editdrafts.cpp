#include "editdrafts.h"

#include "decisionhistory.h"
#include "domain/timeformat.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Countersign {

namespace {

QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

EditDrafts::EditDrafts(DecisionHistory *history)
    : m_history(history)
{ }

Result<void> EditDrafts::save(const QString &server, const QString &actionId, const QString &text, const QDateTime &now)
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("INSERT INTO drafts (server, action_id, text, updated) VALUES (?,?,?,?)"
                             " ON CONFLICT (server, action_id) DO UPDATE SET text = excluded.text,"
                             " updated = excluded.updated"));
    for (const QString &v : {nonNull(server), nonNull(actionId), nonNull(text), toIsoUtc(now)})
        q.addBindValue(v);
    if (!q.exec())
        return fail(Error::unavailable(tr("Your edit could not be saved: %1").arg(q.lastError().text())));
    return {};
}

Result<std::optional<QString>> EditDrafts::load(const QString &server, const QString &actionId) const
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("SELECT text FROM drafts WHERE server = ? AND action_id = ?"));
    q.addBindValue(nonNull(server));
    q.addBindValue(nonNull(actionId));
    if (!q.exec())
        return fail(Error::unavailable(tr("Your saved edit could not be read: %1").arg(q.lastError().text())));
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Result<void> EditDrafts::remove(const QString &server, const QString &actionId)
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE server = ? AND action_id = ?"));
    q.addBindValue(nonNull(server));
    q.addBindValue(nonNull(actionId));
    if (!q.exec())
        return fail(Error::unavailable(tr("Your saved edit could not be removed: %1").arg(q.lastError().text())));
    return {};
}

Result<QStringList> EditDrafts::actionIds(const QString &server) const
{
    QSqlQuery q(m_history->database());
    q.prepare(QStringLiteral("SELECT action_id FROM drafts WHERE server = ? ORDER BY updated"));
    q.addBindValue(nonNull(server));
    if (!q.exec())
        return fail(Error::unavailable(tr("Your saved edits could not be read: %1").arg(q.lastError().text())));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace Countersign
