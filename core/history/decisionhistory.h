#pragma once

#include "audit/auditverification.h"
#include "domain/error.h"
#include "historyentry.h"
#include "historyquery.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QList>

namespace Countersign {

// The reviewer's own tamper-evident record of every decision, in a local SQLite file.
// Each entry is hash-chained to the previous one (the same canonical SHA-256 chain as the
// server's audit log), so editing, deleting, inserting or reordering rows is detected by
// verify(), which names the first entry where the chain breaks.
class DecisionHistory
{
    Q_DECLARE_TR_FUNCTIONS(DecisionHistory)

public:
    explicit DecisionHistory(QString path);
    ~DecisionHistory();
    DecisionHistory(const DecisionHistory &) = delete;
    DecisionHistory &operator=(const DecisionHistory &) = delete;

    Result<void> open();
    QString path() const { return m_path; }

    Result<qint64> record(const HistoryEntry &entry); // returns the entry's seq
    Result<QList<HistoryEntry>> entries(const HistoryQuery &query) const;
    Result<qint64> count(const HistoryQuery &query) const;
    Result<HistoryEntry> entry(qint64 seq) const;
    Result<AuditVerification> verify() const;

    Result<void> exportCsv(QIODevice *device, const HistoryQuery &query) const;
    Result<void> exportJson(QIODevice *device, const HistoryQuery &query) const;

private:
    QString m_path;
    QString m_connectionName;
};

} // namespace Countersign
