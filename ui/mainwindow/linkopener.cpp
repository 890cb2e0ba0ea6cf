#include "linkopener.h"

#include "domain/openlink.h"
#include "mainwindow.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "settings/profilestore.h"

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
    if (queue->model()->rowOf(id) < 0) {
        m_window->statusBar()->showMessage(
            tr("The linked item is not in your queue: decided, snoozed or filtered out."), 8000);
        return;
    }
    queue->selectId(id);
    queue->view()->setFocus(Qt::OtherFocusReason);
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
