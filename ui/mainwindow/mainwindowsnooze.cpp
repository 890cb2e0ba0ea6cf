#include "mainwindow.h"

// The main window's "not now" (S): a small menu of times for the current item, a custom time,
// ending a snooze early; the session asks the server, the queue hides the item meanwhile.

#include "client/snoozechoices.h"
#include "queue/queuepanel.h"
#include "queue/snoozedialog.h"
#include "review/reviewpane.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>
#include <QTreeView>

namespace Countersign {

void MainWindow::createSnoozeMenu()
{
    m_snoozeMenu = new QMenu(tr("&Snooze"), this);
    m_snoozeMenu->setObjectName(QStringLiteral("snoozeMenu"));
    const std::pair<const char *, QString> fixed[] = {
        {"snooze15Minutes", tr("15 &Minutes")},
        {"snoozeOneHour", tr("1 &Hour")},
        {"snoozeTomorrow", tr("&Tomorrow Morning (09:00)")},
    };
    const SnoozeChoices::Choice choices[] = {
        SnoozeChoices::Choice::FifteenMinutes, SnoozeChoices::Choice::OneHour, SnoozeChoices::Choice::TomorrowMorning};
    for (int i = 0; i < 3; ++i) {
        QAction *a = m_snoozeMenu->addAction(fixed[i].second);
        a->setObjectName(QLatin1String(fixed[i].first));
        connect(a, &QAction::triggered, this, [this, choice = choices[i]] {
            snoozeCurrent(SnoozeChoices::until(choice, QDateTime::currentDateTimeUtc()));
        });
    }
    QAction *custom = m_snoozeMenu->addAction(tr("&Custom…"));
    custom->setObjectName(QStringLiteral("snoozeCustom"));
    connect(custom, &QAction::triggered, this, [this] {
        const auto current = m_session->currentAction();
        if (!current)
            return;
        auto *dialog = new SnoozeDialog(*current, QDateTime::currentDateTimeUtc(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, id = current->id] {
            if (m_session->currentId() == id)
                snoozeCurrent(dialog->until());
        });
        dialog->open();
    });
    m_snoozeMenu->addSeparator();
    QAction *end = m_snoozeMenu->addAction(tr("&End Snooze"));
    end->setObjectName(QStringLiteral("snoozeEnd"));
    connect(end, &QAction::triggered, this, [this] {
        const QString id = m_session->currentId();
        if (!id.isEmpty())
            m_session->endSnooze(id);
    });
    connect(m_snoozeMenu, &QMenu::aboutToShow, this, [this, end] {
        const auto current = m_session->currentAction();
        end->setVisible(current && current->isSnoozedFor(m_session->identity().name, QDateTime::currentDateTimeUtc()));
    });
}

void MainWindow::openSnoozeMenu()
{
    // Beside the item it sets aside, where the eyes are.
    QTreeView *view = m_queuePanel->view();
    const QRect row = view->visualRect(view->currentIndex());
    const QPoint at = row.isValid() ? view->viewport()->mapToGlobal(row.bottomLeft())
                                    : m_review->mapToGlobal(m_review->rect().center());
    m_snoozeMenu->popup(at);
}

void MainWindow::snoozeCurrent(const QDateTime &until)
{
    const auto current = m_session->currentAction();
    if (!current)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!SnoozeChoices::allowed(*current, until, now)) {
        statusBar()->showMessage(
            tr("“%1” expires at %2, before that time: decide it, or choose an earlier time.")
                .arg(current->title, QLocale().toString(current->expiresAt.toLocalTime(), QLocale::ShortFormat)),
            8000);
        return;
    }
    m_session->snooze(current->id, until);
    statusBar()->showMessage(tr("Snoozed “%1” until %2. The Snoozed filter shows it.")
                                 .arg(current->title, QLocale().toString(until.toLocalTime(), QLocale::ShortFormat)),
        8000);
    moveOnFrom(current->id);
}

} // namespace Countersign
