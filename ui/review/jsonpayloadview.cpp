#include "jsonpayloadview.h"

#include "jsondiffmodel.h"
#include "jsontreemodel.h"

#include "diff/jsondiff.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

namespace {

// Indented like the payloads agents send; a scalar document on its own.
QString toText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    return JsonDiff::display(value) + QLatin1Char('\n');
}

} // namespace

JsonPayloadView::JsonPayloadView(QWidget *parent)
    : QWidget(parent)
    , m_changes(new JsonDiffModel(this))
    , m_arguments(new JsonTreeModel(this))
    , m_changesView(new QTreeView(this))
    , m_argumentsView(new QTreeView(this))
    , m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("jsonPayloadView"));
    m_changesView->setObjectName(QStringLiteral("jsonChangesView"));
    m_changesView->setAccessibleName(tr("Changed keys"));
    m_changesView->setModel(m_changes);
    m_changesView->setRootIsDecorated(false);
    m_changesView->setUniformRowHeights(true);
    m_changesView->setAlternatingRowColors(true);
    m_changesView->header()->setSectionResizeMode(JsonDiffModel::PathColumn, QHeaderView::ResizeToContents);
    m_changesView->header()->setSectionResizeMode(JsonDiffModel::ChangeColumn, QHeaderView::ResizeToContents);

    m_argumentsView->setObjectName(QStringLiteral("jsonArgumentsView"));
    m_argumentsView->setAccessibleName(tr("Your version's values"));
    m_argumentsView->setModel(m_arguments);
    m_argumentsView->setUniformRowHeights(true);
    m_argumentsView->setAlternatingRowColors(true);
    m_argumentsView->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_argumentsView->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::Interactive);
    m_argumentsView->header()->resizeSection(JsonTreeModel::KeyColumn, 180);
    m_argumentsView->header()->setStretchLastSection(false);
    m_argumentsView->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);

    m_notice->setObjectName(QStringLiteral("jsonNotice"));
    m_notice->setWordWrap(true);
    m_notice->setText(tr("One of the versions is not valid JSON: only the text diff can compare them."));
    m_notice->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("jsonSplitter"));
    splitter->addWidget(m_changesView);
    splitter->addWidget(m_argumentsView);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);

    connect(m_arguments, &JsonTreeModel::valueEdited, this, [this] {
        m_lastEmitted = toText(m_arguments->json());
        Q_EMIT editedTextChanged(m_lastEmitted);
    });
}

JsonPayloadView::~JsonPayloadView() = default;

void JsonPayloadView::setTexts(const QString &left, const QString &right)
{
    const std::optional<QJsonValue> a = JsonDiff::parse(left);
    const std::optional<QJsonValue> b = JsonDiff::parse(right);
    m_valid = a && b;
    m_notice->setVisible(!m_valid);
    m_changes->setChanges(m_valid ? JsonDiff::compare(*a, *b) : QList<JsonDiff::Change>());
    // The tree's own edit coming back through the diff: keep the tree (and what is expanded).
    if (b && right == m_lastEmitted && *b == m_arguments->json())
        return;
    m_arguments->setJson(b.value_or(QJsonValue()));
    m_argumentsView->expandToDepth(1);
}

void JsonPayloadView::setEditable(bool editable)
{
    m_arguments->setEditable(editable);
}

} // namespace Countersign
