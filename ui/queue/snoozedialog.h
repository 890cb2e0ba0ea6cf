#pragma once

#include "domain/action.h"

#include <QDialog>

class QDateTimeEdit;
class QLabel;

namespace Countersign {

// "Custom…" of the snooze menu: a date and time in the reviewer's local time, kept within
// what the server accepts for this action (SnoozeChoices: ahead, within 7 days, not after it
// expires), so OK never sends a time that would be refused.
class SnoozeDialog : public QDialog
{
    Q_OBJECT

public:
    SnoozeDialog(const Action &action, const QDateTime &now, QWidget *parent = nullptr);

    QDateTime until() const; // UTC

private:
    QDateTimeEdit *m_edit;
    QLabel *m_limit;
};

} // namespace Countersign
