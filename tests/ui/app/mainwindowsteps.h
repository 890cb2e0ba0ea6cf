#pragma once

// Steps the app tests take on a MainWindow, as a reviewer would.
#include "client/reviewsession.h"
#include "mainwindow/mainwindow.h"
#include "queue/queuepanel.h"

#include <QTest>
#include <QTreeView>

#include <memory>

namespace Countersign::Test {

// Shows `id` in the queue, then opens it with Enter, which claims it (shown is not opened).
inline void openItem(MainWindow &window, const QString &id)
{
    window.queuePanel()->selectId(id);
    QTRY_COMPARE(window.session()->currentId(), id);
    window.queuePanel()->view()->setFocus();
    QTest::keyClick(window.queuePanel()->view(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->holdsClaim(id), 10000);
}

// Closes the window as the reviewer would, waits until it is gone (quitting sends what waits
// first), and deletes it.
inline void closeWindow(std::unique_ptr<MainWindow> &window)
{
    if (window) {
        window->close();
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 15000);
    }
    window.reset();
}

} // namespace Countersign::Test
