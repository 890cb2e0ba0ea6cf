#include "queueview.h"

#include "queuemodel.h"

#include <QCursor>
#include <QKeyEvent>
#include <QScrollBar>

namespace Countersign {

QueueView::QueueView(QWidget *parent)
    : QTreeView(parent)
{
    // Pixel scrolling makes the anchor correction exact (a row need not align with the top).
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
}

void QueueView::setModel(QAbstractItemModel *newModel)
{
    for (const auto &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_anchor = QPersistentModelIndex();
    m_anchorPending = false;
    QTreeView::setModel(newModel);
    if (!newModel)
        return;
    const auto queueRestore = [this] {
        if (!m_anchorPending || m_restoreQueued)
            return;
        // Normally the view's next layout restores the anchor; some tree changes update the
        // layout in place, so make sure it happens before the event loop goes on.
        m_restoreQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_restoreQueued = false;
                restoreAnchor();
            },
            Qt::QueuedConnection);
    };
    m_modelConnections << connect(newModel, &QAbstractItemModel::rowsAboutToBeInserted, this, &QueueView::captureAnchor)
                       << connect(newModel, &QAbstractItemModel::rowsAboutToBeMoved, this, &QueueView::captureAnchor)
                       << connect(newModel, &QAbstractItemModel::rowsInserted, this, queueRestore)
                       << connect(newModel, &QAbstractItemModel::rowsRemoved, this, queueRestore)
                       << connect(newModel, &QAbstractItemModel::rowsMoved, this, queueRestore)
                       << connect(newModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
                              m_anchor = QPersistentModelIndex();
                              m_anchorPending = false;
                          });
}

void QueueView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    captureAnchor(); // before the tree view drops its layout
    QTreeView::rowsAboutToBeRemoved(parent, start, end);
}

void QueueView::captureAnchor()
{
    if (m_anchorPending || !isVisible())
        return; // one anchor per burst of changes: the layout is not redone in between
    QPoint at(0, 0);
    const QPoint pointer = viewport()->mapFromGlobal(QCursor::pos());
    if (viewport()->underMouse() && viewport()->rect().contains(pointer))
        at.setY(pointer.y());
    const QModelIndex index = indexAt(at);
    if (!index.isValid())
        return;
    m_anchor = index;
    m_anchorY = visualRect(index).top();
    m_anchorPending = true;
}

void QueueView::restoreAnchor()
{
    if (!m_anchorPending)
        return;
    m_anchorPending = false;
    if (!m_anchor.isValid())
        return;
    const QRect now = visualRect(m_anchor); // lays out first if a layout is pending
    if (!now.isValid())
        return; // collapsed away
    const int delta = now.top() - m_anchorY;
    if (delta != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
    m_anchor = QPersistentModelIndex();
}

void QueueView::doItemsLayout()
{
    const bool pending = m_anchorPending;
    m_anchorPending = false; // the layout itself must not try to restore
    QTreeView::doItemsLayout();
    m_anchorPending = pending;
    restoreAnchor();
}

bool QueueView::isGroupRow(const QModelIndex &index) const
{
    return index.isValid() && index.data(QueueModel::IsGroupHeaderRole).toBool();
}

void QueueView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier
        && isGroupRow(current)) {
        Q_EMIT groupActivated(current.siblingAtColumn(0));
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier && isGroupRow(current)) {
        setExpanded(current.siblingAtColumn(0), !isExpanded(current.siblingAtColumn(0)));
        event->accept();
        return;
    }
    QTreeView::keyPressEvent(event);
}

} // namespace Countersign
