#pragma once

#include <QPersistentModelIndex>
#include <QTreeView>

namespace Countersign {

// The queue's tree view. Live changes above what the reviewer looks at do not move it: before
// rows are inserted, removed or moved, the row under the pointer (or the top row) is noted, and
// after the view's next layout the scroll position is corrected so that row stays at the same
// height. Enter on a group header asks for the group to be reviewed.
class QueueView : public QTreeView
{
    Q_OBJECT

public:
    explicit QueueView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    void doItemsLayout() override;

Q_SIGNALS:
    void groupActivated(const QModelIndex &group);

protected:
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void captureAnchor();
    void restoreAnchor();
    bool isGroupRow(const QModelIndex &index) const;

    QPersistentModelIndex m_anchor;
    int m_anchorY = 0;
    bool m_anchorPending = false;
    bool m_restoreQueued = false;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace Countersign
