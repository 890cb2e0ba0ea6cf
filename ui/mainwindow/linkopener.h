#pragma once

#include "domain/action.h"
#include "domain/error.h"

#include <QObject>
#include <QUrl>

namespace Countersign {

class MainWindow;
class ProfileStore;
struct OpenLink;

// Opens a countersign:// link in the main window: on the server the window is connected to it
// selects the action; for another server it never connects by itself but asks, naming the
// server (a known profile: switch to it; an unknown server: add it in the Connect dialog). An
// action that is not in the queue (decided, expired, withdrawn, snoozed by me, filtered out) is
// fetched and shown read-only in a report/ActionDetailDialog saying why; an id the server does
// not know gets a message box that says so.
class LinkOpener : public QObject
{
    Q_OBJECT

public:
    LinkOpener(MainWindow *window, ProfileStore *profiles, QObject *parent = nullptr);

    void open(const QString &link);

Q_SIGNALS:
    // The reviewer agreed to connect to `server` (a known profile's name, or empty for a new
    // one); the application connects, and the action opens once its queue has loaded.
    void connectRequested(const QString &profile, const QUrl &server);

private:
    void select(const QString &id);
    void ask(const OpenLink &link);
    void showOutsideQueue(const QString &id, const Result<Action> &action);
    QString whyNotInQueue(const Action &action) const;

    MainWindow *m_window;
    ProfileStore *m_profiles;
    QString m_waiting; // the action to select once the queue (re)loads
};

} // namespace Countersign
