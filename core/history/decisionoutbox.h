#pragma once

#include "domain/action.h"
#include "domain/decision.h"
#include "domain/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace Countersign {

class DecisionHistory;

// A decision the reviewer made that the server has not answered yet.
struct OutboxItem {
    qint64 id = 0; // assigned by DecisionOutbox; sending follows this order
    QDateTime created;
    QDateTime notBefore; // the end of the undo window: not sent before it
    QString server; // base URL it is meant for
    QString reviewer; // who decided; only sent on that reviewer's session
    Decision decision;
    Action snapshot; // the action as the reviewer saw it
    int attempts = 0;
    QString lastError; // why the last attempt did not get through
};

// The durable outbox of decisions, in the decision history's database: a decision is written
// here the moment it is made, so quitting, a crash or a server outage cannot lose it. It
// leaves the outbox only together with its history entry (DecisionHistory::record with the
// item's id), when the server has accepted or refused it.
class DecisionOutbox
{
    Q_DECLARE_TR_FUNCTIONS(DecisionOutbox)

public:
    explicit DecisionOutbox(DecisionHistory *history);

    Result<qint64> add(const OutboxItem &item);
    Result<void> remove(qint64 id);
    Result<void> setNotBefore(qint64 id, const QDateTime &notBefore);
    Result<void> noteAttempt(qint64 id, const QString &error);
    // Oldest first; an empty server means all of them.
    Result<QList<OutboxItem>> items(const QString &server = {}) const;
    Result<qint64> count(const QString &server = {}) const;

private:
    Result<void> exec(const QString &sql, const QVariantList &values, const QString &what);

    DecisionHistory *m_history;
};

} // namespace Countersign
