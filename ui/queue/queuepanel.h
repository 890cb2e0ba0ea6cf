#pragma once

#include "queuemodel.h"

#include <QSet>
#include <QWidget>

class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QMenu;
class QToolButton;
class QTreeView;

namespace Countersign {

class QueueColumns;
class QueueGroupModel;
class QueueView;

// The queue side of the main window: a filter bar over the queue view. Narrow enough for a
// laptop (it shrinks to ~380 px): the filter text and the view menu on the first row, category
// and type on the second, "mine", "escalated", "snoozed" and the "n new" chip on the third. With grouping on, the view
// shows collapsible group headers. Live inserts do not move what the reviewer points at; new rows are bold until seen
// and an "n new" chip scrolls to them. Large-list friendly: uniform row heights, no per-row sizing.
class QueuePanel : public QWidget
{
    Q_OBJECT

public:
    QueuePanel(QueueModel *model, QWidget *parent = nullptr);
    ~QueuePanel() override;

    QTreeView *view() const;
    QueueModel *model() const { return m_model; }
    // What the view shows: the queue with group header rows when grouping is on.
    QueueGroupModel *groupModel() const { return m_groups; }
    QueueColumns *columns() const { return m_columns; }
    void setMe(const QString &me);
    void focusFilter();

    QString currentId() const; // empty on a group header
    QStringList selectedIds() const; // action ids only, never group headers
    void selectId(const QString &id);
    // Moves the current row by `delta` (J/K), skipping group headers and collapsed groups;
    // returns false at either end.
    bool step(int delta);
    // After the current item is decided: the row that takes its place.
    QString neighbourOf(const QString &id) const;
    void refreshFilterChoices();
    // Drops the selection but keeps the current item (selected, if there is one), e.g. after
    // a batch review.
    void clearSelection();
    void setGrouping(QueueModel::Grouping grouping);
    // Scrolls to the first new row and clears the "new" marks (the chip's action).
    void showNewItems();
    // Asks for a batch review of one group's visible items (header row's menu or Enter).
    void reviewGroup(int group);

Q_SIGNALS:
    void currentChanged(const QString &id);
    void selectionChanged();
    void reviewGroupRequested(const QStringList &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void updateNewChip();
    void applyGroupRows(int first = 0, int last = -1);
    int nextReachable(int row, int direction) const;
    void showRowMenu(const QPoint &pos);

    QueueModel *m_model;
    QueueGroupModel *m_groups;
    QueueView *m_view;
    QueueColumns *m_columns;
    QLineEdit *m_text;
    QToolButton *m_newChip;
    QToolButton *m_viewButton;
    QMenu *m_viewMenu;
    QActionGroup *m_groupingActions;
    QComboBox *m_category;
    QComboBox *m_type;
    QCheckBox *m_mine;
    QCheckBox *m_escalated;
    QCheckBox *m_snoozed;
    QMenu *m_rowMenu;
    QAction *m_reviewGroupAction;
    QString m_me;
    QSet<QString> m_collapsedGroups; // by name, so a collapse survives filtering and re-sorting
    bool m_applyingGroups = false;
};

} // namespace Countersign
