#pragma once

#include <QObject>
#include <QTimer>

class QAction;
class QHeaderView;
class QMenu;
class QTreeView;

namespace Countersign {

// The queue view's columns: initial widths from the header texts' font metrics (German headers
// are long), the title taking whatever width the other columns leave (never less than a readable
// minimum, still resizable by hand), a header context menu to show and hide columns, and the
// user's widths, order and visibility kept in QSettings under "queue/".
class QueueColumns : public QObject
{
    Q_OBJECT

public:
    explicit QueueColumns(QTreeView *view);

    QMenu *menu() const { return m_menu; }
    QAction *columnAction(int column) const;
    void setColumnVisible(int column, bool visible);
    bool isColumnVisible(int column) const;
    // Default order, widths and visibility (empty columns hidden).
    void resetToDefaults();
    int minimumTitleWidth() const;
    // Gives the title the width the other visible columns leave.
    void fitTitle();
    void save() const;
    // Saves now if a change is still waiting for the save timer (call before the view goes).
    void flush();

    static int layoutVersion(); // saved layouts of another version are not restored

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool restore();
    int defaultWidth(int column) const;
    void syncActions();

    QTreeView *m_view;
    // Kept apart: the viewport outlives the view's QAbstractScrollArea part while the view is
    // destroyed and still sends events through this filter then.
    QWidget *m_viewport;
    QHeaderView *m_header;
    QMenu *m_menu;
    QList<QAction *> m_actions;
    QTimer m_saveTimer;
    bool m_fitting = false;
};

} // namespace Countersign
