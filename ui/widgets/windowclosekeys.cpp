#include "widgets/windowclosekeys.h"

#include <QAction>
#include <QKeyEvent>
#include <QWidget>

namespace Countersign {

WindowCloseKeys::WindowCloseKeys(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

QList<QKeySequence> WindowCloseKeys::shortcuts()
{
    QList<QKeySequence> keys{QKeySequence(Qt::CTRL | Qt::Key_W)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Close)) {
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QAction *WindowCloseKeys::install(QWidget *window, QAction *closeAction)
{
    if (!closeAction) {
        closeAction = new QAction(tr("&Close"), window);
        QObject::connect(closeAction, &QAction::triggered, window, &QWidget::close);
    }
    if (closeAction->objectName().isEmpty())
        closeAction->setObjectName(QStringLiteral("actionCloseWindow"));
    closeAction->setShortcuts(shortcuts());
    closeAction->setShortcutContext(Qt::WindowShortcut);
    // A menu's action is only live while the menu bar is; on the window it always is.
    if (!window->actions().contains(closeAction))
        window->addAction(closeAction);
    window->installEventFilter(new WindowCloseKeys(window));
    return closeAction;
}

bool WindowCloseKeys::eventFilter(QObject *watched, QEvent *event)
{
    // Key presses travel from the focus widget up to the window until one takes them: an Esc
    // that reaches the window was not wanted by anything inside it.
    if (watched == m_window && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            m_window->close();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Countersign
