#include "linkopener.h"

#include "client/queueabsence.h"
#include "client/serverconnection.h"
#include "domain/openlink.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "report/actiondetaildialog.h"
#include "settings/profilestore.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTreeView>

namespace Countersign {

LinkOpener::LinkOpener(MainWindow *window, ProfileStore *profiles, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_profiles(profiles)
{
    connect(m_window->session(), &ReviewSession::queueLoaded, this, [this] {
        if (!m_waiting.isEmpty())
            select(std::exchange(m_waiting, {}));
    });
}

void LinkOpener::open(const QString &text)
{
    const auto link = OpenLink::parse(text);
    if (!link) {
        m_window->statusBar()->showMessage(tr("This link cannot be opened: %1").arg(link.error().message), 8000);
        return;
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    const ReviewSession *session = m_window->session();
    if (session->connectionState() != ReviewSession::ConnectionState::Disconnected
        && OpenLink::sameServer(session->serverUrl(), link->server)) {
        if (session->connectionState() == ReviewSession::ConnectionState::Connecting)
            m_waiting = link->actionId;
        else
            select(link->actionId);
        return;
    }
    ask(*link);
}

void LinkOpener::select(const QString &id)
{
    QueuePanel *queue = m_window->queuePanel();
    if (queue->model()->rowOf(id) >= 0) {
        queue->selectId(id);
        queue->view()->setFocus(Qt::OtherFocusReason);
        return;
    }
    ServerConnection *connection = m_window->session()->connection();
    if (!connection) {
        m_window->statusBar()->showMessage(tr("The linked item is not in your queue."), 8000);
        return;
    }
    m_window->statusBar()->showMessage(tr("Loading the linked item…"), 8000);
    connection->fetchAction(id).then(this, [this, id](const Result<Action> &action) {
        showOutsideQueue(id, action);
    });
}

void LinkOpener::showOutsideQueue(const QString &id, const Result<Action> &action)
{
    m_window->statusBar()->clearMessage();
    if (!action) {
        if (action.error().code != ErrorCode::NotFound) {
            m_window->statusBar()->showMessage(
                tr("The linked item cannot be loaded: %1").arg(action.error().message), 8000);
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Information, tr("Open a Linked Item"),
            tr("The server %1 has no item “%2”. The link may be incomplete, or meant for another server.")
                .arg(m_window->session()->serverUrl().toDisplayString(), id),
            QMessageBox::Close, m_window);
        box->setObjectName(QStringLiteral("openLinkUnknown"));
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    // It may have reached the queue while it was fetched.
    QueuePanel *queue = m_window->queuePanel();
    if (queue->model()->rowOf(id) >= 0) {
        queue->selectId(id);
        return;
    }
    const Action fetched = *action;
    auto *dialog = new ActionDetailDialog(
        id,
        [fetched](const QString &) {
            return QtFuture::makeReadyValueFuture(Result<Action>(fetched));
        },
        m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNote(whyNotInQueue(fetched));
    dialog->open();
}

QString LinkOpener::whyNotInQueue(const Action &a) const
{
    const auto when = [](const QDateTime &time) {
        return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    };
    const QString by = a.decidedBy == QLatin1String("policy") ? tr("the policy")
        : a.decidedBy == QLatin1String("expiry")              ? tr("its expiry")
                                                              : a.decidedBy;
    const ReviewSession *session = m_window->session();
    switch (QueueAbsence::of(a, session->identity().name, m_window->clock().now())) {
    case QueueAbsence::Reason::Decided:
        return a.state == ActionState::Approved
            ? tr("Not in your queue: approved by %1 on %2. Shown read-only.").arg(by, when(a.decidedAt))
            : tr("Not in your queue: rejected by %1 on %2. Shown read-only.").arg(by, when(a.decidedAt));
    case QueueAbsence::Reason::Expired:
        return tr("Not in your queue: it expired undecided on %1. Shown read-only.").arg(when(a.decidedAt));
    case QueueAbsence::Reason::Withdrawn:
        return tr("Not in your queue: the agent withdrew it on %1. Shown read-only.").arg(when(a.decidedAt));
    case QueueAbsence::Reason::SnoozedByMe:
        return tr("Not in your queue: you snoozed it until %1. Shown read-only; the Snoozed filter lists it.")
            .arg(when(a.snoozedUntil));
    case QueueAbsence::Reason::None:
        break;
    }
    return tr("Not in your queue as it is shown now: a filter hides it, or it waits for other reviewers. Shown "
              "read-only.");
}

void LinkOpener::ask(const OpenLink &link)
{
    QString profile;
    if (m_profiles) {
        for (const ConnectionProfile &p : m_profiles->profiles()) {
            if (OpenLink::sameServer(p.url, link.server))
                profile = p.name;
        }
    }
    // The server is the sender's word: shown in full, and never connected to without asking.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Open a Linked Item"),
        profile.isEmpty()
            ? tr("The link is for a server you have not connected to:\n%1\n\nOnly connect if you "
                 "trust it and expect to review its items.")
                  .arg(link.server.toDisplayString())
            : tr("The link is for your server “%1” (%2). Switch to it?").arg(profile, link.server.toDisplayString()),
        QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("openLinkQuestion"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(profile.isEmpty() ? tr("Connect…") : tr("Switch"), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("openLinkConnect"));
    connect(box, &QMessageBox::buttonClicked, this, [this, go, link, profile](QAbstractButton *button) {
        if (button != go)
            return;
        m_waiting = link.actionId;
        Q_EMIT connectRequested(profile, link.server);
    });
    box->open();
}

} // namespace Countersign
