#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace Countersign {

class JsonDiffModel;
class JsonTreeModel;

// The JSON side of a JSON payload's review (tool arguments): the key-by-key changes between the
// two texts the diff compares (order-insensitive, JsonDiff), and the reviewer's version as a
// tree whose values edit like an arguments form while editing. An edit in the tree comes back
// as the whole JSON text (editedTextChanged), for the diff's editor to take as the reviewer's
// version.
class JsonPayloadView : public QWidget
{
    Q_OBJECT

public:
    explicit JsonPayloadView(QWidget *parent = nullptr);
    ~JsonPayloadView() override;

    // The two texts the diff shows (left, right); either not JSON: a notice instead.
    void setTexts(const QString &left, const QString &right);
    // Whether both texts parse.
    bool isValid() const { return m_valid; }
    // Values edit in the tree (the reviewer is modifying the item).
    void setEditable(bool editable);

    JsonDiffModel *changesModel() const { return m_changes; }
    JsonTreeModel *argumentsModel() const { return m_arguments; }
    QTreeView *changesView() const { return m_changesView; }
    QTreeView *argumentsView() const { return m_argumentsView; }

Q_SIGNALS:
    // A value was edited in the tree: the reviewer's version as JSON text.
    void editedTextChanged(const QString &text);

private:
    JsonDiffModel *m_changes;
    JsonTreeModel *m_arguments;
    QTreeView *m_changesView;
    QTreeView *m_argumentsView;
    QLabel *m_notice;
    bool m_valid = false;
    QString m_lastEmitted; // the text the tree last wrote: coming back, it needs no rebuild
};

} // namespace Countersign
