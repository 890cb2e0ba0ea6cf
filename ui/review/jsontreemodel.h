#pragma once

#include <QAbstractItemModel>
#include <QJsonValue>

#include <memory>
#include <vector>

namespace Countersign {

// A JSON document as a tree: key, value, type (the action's context; a JSON payload's
// arguments). Objects and arrays are expandable nodes; scalars show their value. Read-only
// unless setEditable(true): then scalar values edit in place like an arguments form, keeping
// their type (a number stays a number), and json() gives the document back. Built once per
// item, so lookups are pointer walks.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const QJsonValue &root);
    // The document as the tree holds it (objects' keys in Qt's sorted order).
    QJsonValue json() const;
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // A scalar's new value as typed: text for a string; a number, true/false for a number or
    // a boolean (else refused); any JSON scalar for a null (text when it is none).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Dotted path of an index ("customer.orders[2].amount"), for copying and tooltips.
    QString pathOf(const QModelIndex &index) const;

Q_SIGNALS:
    // The reviewer changed a value (setData); json() has the new document.
    void valueEdited(const QString &path);

private:
    struct Node {
        QString key;
        QJsonValue value; // scalars only; containers keep children
        QJsonValue::Type type = QJsonValue::Null;
        int childCount = 0;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node *node, const QJsonValue &value);
    static QJsonValue toJson(const Node *node);
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    bool m_editable = false;
};

} // namespace Countersign
