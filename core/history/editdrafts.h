#pragma once

#include "domain/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace Countersign {

class DecisionHistory;

// The reviewer's unfinished edits, one per item, kept in the decision history's database so
// that switching to another item, a crash or quitting never throws an edit away.
class EditDrafts
{
    Q_DECLARE_TR_FUNCTIONS(EditDrafts)

public:
    explicit EditDrafts(DecisionHistory *history);

    Result<void> save(const QString &server, const QString &actionId, const QString &text, const QDateTime &now);
    Result<std::optional<QString>> load(const QString &server, const QString &actionId) const;
    Result<void> remove(const QString &server, const QString &actionId);
    Result<QStringList> actionIds(const QString &server) const; // items with a draft

private:
    DecisionHistory *m_history;
};

} // namespace Countersign
