#include "snoozedialog.h"

#include "client/snoozechoices.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace Countersign {

SnoozeDialog::SnoozeDialog(const Action &action, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("snoozeDialog"));
    setWindowTitle(tr("Snooze Until"));
    auto *layout = new QVBoxLayout(this);
    // The title is the agent's text: shown as plain text, never as markup.
    auto *title = new QLabel(this);
    title->setTextFormat(Qt::PlainText);
    title->setText(tr("Set “%1” aside until:").arg(action.title));
    title->setWordWrap(true);
    layout->addWidget(title);

    // Whole minutes, at least one ahead: the server refuses a time that has already passed.
    const QDateTime earliest = now.addSecs(60 - now.time().second()).toLocalTime();
    const QDateTime latest = SnoozeChoices::latest(action, now).toLocalTime();
    m_edit = new QDateTimeEdit(this);
    m_edit->setObjectName(QStringLiteral("snoozeUntilEdit"));
    m_edit->setCalendarPopup(true);
    m_edit->setDateTimeRange(earliest, latest);
    m_edit->setDateTime(std::min(SnoozeChoices::until(SnoozeChoices::Choice::OneHour, now).toLocalTime(), latest));
    layout->addWidget(m_edit);

    m_limit = new QLabel(this);
    m_limit->setObjectName(QStringLiteral("snoozeLimit"));
    m_limit->setTextFormat(Qt::PlainText);
    m_limit->setWordWrap(true);
    const bool expiresFirst = action.expiresAt.isValid() && action.expiresAt.toLocalTime() <= latest;
    m_limit->setText(expiresFirst ? tr("At the latest %1, when it expires. Its SLA keeps running meanwhile.")
                                        .arg(QLocale().toString(latest, QLocale::ShortFormat))
                                  : tr("At most 7 days. Its SLA keeps running meanwhile."));
    layout->addWidget(m_limit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QDateTime SnoozeDialog::until() const
{
    return m_edit->dateTime().toUTC();
}

} // namespace Countersign
