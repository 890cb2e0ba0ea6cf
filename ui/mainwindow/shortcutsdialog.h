#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace Countersign {

// "?" and Help > Keyboard Shortcuts: every action of the window with its keys, grouped as in the
// menus, read from the actions themselves so the list never goes stale.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Group {
        QString title;
        QList<QAction *> actions;
    };
    // `extra`: keys that belong to no action (Esc in the filter), as (keys, what) pairs.
    ShortcutsDialog(const QList<Group> &groups, const QList<std::pair<QString, QString>> &extra, QWidget *parent);

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace Countersign
