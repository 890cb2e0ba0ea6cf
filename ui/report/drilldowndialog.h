#pragma once

#include "actiondetaildialog.h"
#include "report/drilldownitem.h"

#include <QDialog>

class QLabel;
class QTableView;

namespace Countersign {

class DrillDownModel;
class NoticeLabel;

// The actions behind one figure of a report, listed as the server pages them (newest first):
// "n of N" loaded, more as the list scrolls, and Enter or a double-click on one opens it
// read-only with the review pane's diff views (ActionDetailDialog). Errors show in the dialog.
class DrillDownDialog : public QDialog
{
    Q_OBJECT

public:
    DrillDownDialog(const QString &title, DrillDownModel *model, ActionDetailDialog::Fetcher fetchAction,
        QWidget *parent = nullptr);

    DrillDownModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Opens the action of a row of the list (what Enter and a double-click do).
    ActionDetailDialog *openAction(int row);

    // "Rejected · finance · 12 Nov – 19 Nov"
    static QString title(const QString &measure, const QString &group, QDate firstDay, QDate lastDay);

Q_SIGNALS:
    void actionOpened(Countersign::ActionDetailDialog *dialog);

private:
    void updateCount();

    DrillDownModel *m_model;
    ActionDetailDialog::Fetcher m_fetchAction;
    QLabel *m_count;
    NoticeLabel *m_notice;
    QTableView *m_view;
};

} // namespace Countersign
