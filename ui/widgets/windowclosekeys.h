#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace Countersign {

// Esc and Ctrl+W (and the platform's own Close keys) close a secondary window, as they close a
// dialog. Ctrl+W and the platform keys are shortcuts of the window's Close action; Esc is taken
// only when nothing inside the window wanted it (a popup, an editor, the diff's find bar get it
// first), so it is caught as the key press reaches the window rather than as a shortcut.
class WindowCloseKeys : public QObject
{
    Q_OBJECT

public:
    // `closeAction`: the window's own Close menu entry, which then shows and carries the keys;
    // without one, a Close action is added to the window. Returns the action used.
    static QAction *install(QWidget *window, QAction *closeAction = nullptr);
    // Ctrl+W first, then the platform's Close keys not already in the list.
    static QList<QKeySequence> shortcuts();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WindowCloseKeys(QWidget *window);

    QWidget *m_window;
};

} // namespace Countersign
