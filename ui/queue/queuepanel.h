#pragma once

#include "queuemodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTreeView;

namespace Countersign {

// The queue side of the main window: a filter bar (text, category, type, mine, escalated,
// grouping) over the queue view. Large-list friendly: uniform row heights, no per-row sizing.
class QueuePanel : public QWidget
{
    Q_OBJECT

public:
    QueuePanel(QueueModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QueueModel *model() const { return m_model; }
    void setMe(const QString &me);
    void focusFilter();

    QString currentId() const;
    QStringList selectedIds() const;
    void selectId(const QString &id);
    // Moves the current row by `delta` (J/K); returns false at either end.
    bool step(int delta);
    // After the current item is decided: the row that takes its place.
    QString neighbourOf(const QString &id) const;
    void refreshFilterChoices();

Q_SIGNALS:
    void currentChanged(const QString &id);
    void selectionChanged();

private:
    void applyFilter();

    QueueModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_text;
    QComboBox *m_category;
    QComboBox *m_type;
    QComboBox *m_grouping;
    QCheckBox *m_mine;
    QCheckBox *m_escalated;
    QString m_me;
};

} // namespace Countersign
