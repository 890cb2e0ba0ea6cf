#pragma once

#include "audit/auditverification.h"
#include "domain/error.h"
#include "historyentry.h"
#include "historyquery.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QList>
#include <QSqlDatabase>

namespace Countersign {

// The reviewer's own tamper-evident record of every decision, in a local SQLite file.
// Each entry is hash-chained to the previous one (the same canonical SHA-256 chain as the
// server's audit log), so editing, deleting, inserting or reordering rows is detected by
// verify(), which names the first entry where the chain breaks.
class DecisionHistory
{
    friend class DecisionOutbox;
    friend class EditDrafts;

    Q_DECLARE_TR_FUNCTIONS(DecisionHistory)

public:
    explicit DecisionHistory(QString path);
    ~DecisionHistory();
    DecisionHistory(const DecisionHistory &) = delete;
    DecisionHistory &operator=(const DecisionHistory &) = delete;

    Result<void> open();
    QString path() const { return m_path; }

    // Returns the entry's seq. With `settlesOutboxId`, the outbox item of the decision leaves the
    // outbox in the same transaction: a decision is always in exactly one of the two.
    Result<qint64> record(const HistoryEntry &entry, qint64 settlesOutboxId = 0);
    Result<QList<HistoryEntry>> entries(const HistoryQuery &query) const;
    Result<qint64> count(const HistoryQuery &query) const;
    Result<HistoryEntry> entry(qint64 seq) const;
    Result<AuditVerification> verify() const;

    Result<void> exportCsv(QIODevice *device, const HistoryQuery &query) const;
    Result<void> exportJson(QIODevice *device, const HistoryQuery &query) const;

private:
    QSqlDatabase database() const;

    QString m_path;
    QString m_connectionName;
};

} // namespace Countersign
