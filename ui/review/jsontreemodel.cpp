#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Countersign {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node, const QJsonValue &value)
{
    node->type = value.type();
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            auto child = std::make_unique<Node>();
            child->key = it.key();
            child->parent = node;
            child->row = int(node->children.size());
            build(child.get(), it.value());
            node->children.push_back(std::move(child));
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            auto child = std::make_unique<Node>();
            child->key = QStringLiteral("[%1]").arg(i);
            child->parent = node;
            child->row = int(node->children.size());
            build(child.get(), a.at(i));
            node->children.push_back(std::move(child));
        }
    } else {
        node->value = value;
    }
    node->childCount = int(node->children.size());
}

void JsonTreeModel::setJson(const QJsonValue &root)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    build(m_root.get(), root);
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeOf(child);
    Node *p = n->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return nodeOf(parent)->childCount;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

namespace {

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return JsonTreeModel::tr("null");
    case QJsonValue::Bool:
        return JsonTreeModel::tr("boolean");
    case QJsonValue::Double:
        return JsonTreeModel::tr("number");
    case QJsonValue::String:
        return JsonTreeModel::tr("text");
    case QJsonValue::Array:
        return JsonTreeModel::tr("list");
    case QJsonValue::Object:
        return JsonTreeModel::tr("object");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString displayValue(const QJsonValue &v, QJsonValue::Type type, int children)
{
    switch (type) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QLocale::c().toString(v.toDouble(), 'g', 15);
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return JsonTreeModel::tr("%n item(s)", nullptr, children);
    case QJsonValue::Object:
        return JsonTreeModel::tr("%n field(s)", nullptr, children);
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeOf(index);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KeyColumn:
            return role == Qt::ToolTipRole ? pathOf(index) : n->key;
        case ValueColumn: {
            const QString text = displayValue(n->value, n->type, n->childCount);
            // One line in the tree; the tooltip carries long text in full.
            return role == Qt::DisplayRole ? text.left(500).replace(u'\n', u' ') : text;
        }
        case TypeColumn:
            return typeName(n->type);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn && n->type == QJsonValue::Double)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Field");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

QString JsonTreeModel::pathOf(const QModelIndex &index) const
{
    QStringList parts;
    for (const Node *n = nodeOf(index); n && n != m_root.get(); n = n->parent)
        parts.prepend(n->key);
    QString path;
    for (const QString &p : std::as_const(parts)) {
        if (!path.isEmpty() && !p.startsWith(u'['))
            path += u'.';
        path += p;
    }
    return path;
}

} // namespace Countersign
