#include "jsontreemodel.h"

#include "diff/jsondiff.h"

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

QJsonValue JsonTreeModel::json() const
{
    return toJson(m_root.get());
}

QJsonValue JsonTreeModel::toJson(const Node *node)
{
    if (node->type == QJsonValue::Object) {
        QJsonObject object;
        for (const auto &child : node->children)
            object.insert(child->key, toJson(child.get()));
        return object;
    }
    if (node->type == QJsonValue::Array) {
        QJsonArray array;
        for (const auto &child : node->children)
            array.append(toJson(child.get()));
        return array;
    }
    return node->value;
}

void JsonTreeModel::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    m_editable = editable;
    // The value cells' flags changed.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ValueColumn), index(rowCount() - 1, ValueColumn));
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (m_editable && index.isValid() && index.column() == ValueColumn) {
        const Node *n = nodeOf(index);
        if (n->type != QJsonValue::Object && n->type != QJsonValue::Array)
            flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool JsonTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Node *n = nodeOf(index);
    const QString text = value.toString();
    QJsonValue next;
    switch (n->type) {
    case QJsonValue::String:
        next = text;
        break;
    case QJsonValue::Double: {
        bool ok = false;
        const double number = QLocale::c().toDouble(text.trimmed(), &ok);
        if (!ok)
            return false;
        next = number;
        break;
    }
    case QJsonValue::Bool:
        if (text.trimmed().compare(u"true", Qt::CaseInsensitive) == 0)
            next = true;
        else if (text.trimmed().compare(u"false", Qt::CaseInsensitive) == 0)
            next = false;
        else
            return false;
        break;
    default: {
        const std::optional<QJsonValue> parsed = JsonDiff::parse(text);
        next = parsed && !parsed->isObject() && !parsed->isArray() ? *parsed : QJsonValue(text);
        break;
    }
    }
    if (next == n->value && next.type() == n->type)
        return true;
    n->value = next;
    n->type = next.type();
    Q_EMIT dataChanged(index.siblingAtColumn(ValueColumn), index.siblingAtColumn(TypeColumn));
    Q_EMIT valueEdited(pathOf(index));
    return true;
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
    if (role == Qt::EditRole && index.column() == ValueColumn)
        return n->type == QJsonValue::String ? n->value.toString() : displayValue(n->value, n->type, n->childCount);
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
