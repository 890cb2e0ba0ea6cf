#pragma once

#include "domain/action.h"
#include "domain/error.h"

#include <QDialog>
#include <QFuture>

#include <functional>

class QLabel;

namespace Countersign {

class ReviewPane;

// One past action, read-only, with the review pane's diff views: what a lead opens from a
// what-if example to read what the reviewer saw. Fetches the action itself; an error (gone,
// forbidden, unreachable) is shown in the dialog.
class ActionDetailDialog : public QDialog
{
    Q_OBJECT

public:
    using Fetcher = std::function<QFuture<Result<Action>>(const QString &id)>;

    ActionDetailDialog(const QString &actionId, const Fetcher &fetch, QWidget *parent = nullptr);

    // Said above the action instead of the default once it has loaded: why it is shown here
    // (a link to an item that is not in the queue, LinkOpener).
    void setNote(const QString &note);
    QString statusText() const;

    ReviewPane *pane() const { return m_pane; }
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded(); // the action arrived, or the error did

private:
    QLabel *m_status;
    ReviewPane *m_pane;
    QString m_note;
    bool m_loaded = false;
    bool m_failed = false;
};

} // namespace Countersign
