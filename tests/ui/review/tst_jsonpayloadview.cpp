#include "diff/diffwidget.h"
#include "review/jsondiffmodel.h"
#include "review/jsonpayloadview.h"
#include "review/jsontreemodel.h"
#include "review/reviewpane.h"

#include "diff/jsondiff.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace Countersign;
using namespace Qt::StringLiterals;

// JSON payloads in the review pane: the key-by-key changes beside the text diff, and values
// edited in a tree that write back into the reviewer's JSON text.
namespace {

Action jsonAction()
{
    Action a;
    a.id = u"json-1"_s;
    a.type = u"tool.call"_s;
    a.category = u"tools"_s;
    a.title = u"Run a command"_s;
    a.agent = u"agent"_s;
    a.state = ActionState::Pending;
    a.createdAt = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::UTC);
    a.payload.language = u"json"_s;
    a.payload.original = u"{\"command\": \"ls\", \"timeout\": 30, \"flags\": [\"-l\"]}\n"_s;
    // Reordered keys and one changed value: only the value is a change.
    a.payload.content = u"{\"flags\": [\"-l\", \"-a\"], \"timeout\": 60, \"command\": \"ls\"}\n"_s;
    return a;
}

QModelIndex find(JsonTreeModel *model, const QString &path, const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, JsonTreeModel::KeyColumn, parent);
        if (model->pathOf(index) == path)
            return index;
        const QModelIndex inner = find(model, path, index);
        if (inner.isValid())
            return inner;
    }
    return {};
}

QStringList paths(const JsonDiffModel *model)
{
    QStringList list;
    for (const JsonDiff::Change &change : model->changes())
        list << change.path;
    return list;
}

} // namespace

class TestJsonPayloadView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeValuesEditInPlaceKeepingTheirType()
    {
        JsonTreeModel model;
        model.setJson(*JsonDiff::parse(u"{\"n\": 1, \"s\": \"x\", \"b\": true, \"z\": null, \"o\": {\"k\": 2}}"_s));
        const QModelIndex n = find(&model, u"n"_s).siblingAtColumn(JsonTreeModel::ValueColumn);
        QVERIFY(!(model.flags(n) & Qt::ItemIsEditable)); // read-only by default
        QVERIFY(!model.setData(n, u"5"_s));
        model.setEditable(true);
        QVERIFY(model.flags(n) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(find(&model, u"o"_s).siblingAtColumn(JsonTreeModel::ValueColumn)) & Qt::ItemIsEditable));

        QSignalSpy edited(&model, &JsonTreeModel::valueEdited);
        QVERIFY(model.setData(n, u"2.5"_s));
        QVERIFY(!model.setData(n, u"two"_s)); // a number stays a number
        QVERIFY(model.setData(find(&model, u"s"_s).siblingAtColumn(JsonTreeModel::ValueColumn), u"42"_s));
        QVERIFY(model.setData(find(&model, u"b"_s).siblingAtColumn(JsonTreeModel::ValueColumn), u"False"_s));
        QVERIFY(!model.setData(find(&model, u"b"_s).siblingAtColumn(JsonTreeModel::ValueColumn), u"maybe"_s));
        QVERIFY(model.setData(find(&model, u"z"_s).siblingAtColumn(JsonTreeModel::ValueColumn), u"7"_s));
        QVERIFY(model.setData(find(&model, u"o.k"_s).siblingAtColumn(JsonTreeModel::ValueColumn), u"3"_s));
        QCOMPARE(edited.count(), 5);
        QCOMPARE(edited.last().at(0).toString(), u"o.k"_s);
        QCOMPARE(model.json(),
            *JsonDiff::parse(u"{\"n\": 2.5, \"s\": \"42\", \"b\": false, \"z\": 7, \"o\": {\"k\": 3}}"_s));
    }

    void keyChangesIgnoreOrder()
    {
        JsonPayloadView view;
        view.setTexts(u"{\"a\": 1, \"b\": {\"c\": [1, 2]}}"_s, u"{\"b\": {\"c\": [1, 3]}, \"a\": 1, \"d\": true}"_s);
        QVERIFY(view.isValid());
        QCOMPARE(paths(view.changesModel()), (QStringList{u"b.c[1]"_s, u"d"_s}));
        QCOMPARE(view.changesModel()->rowCount(), 2);
        QCOMPARE(view.changesModel()->index(1, JsonDiffModel::ChangeColumn).data().toString(), u"added"_s);
        QCOMPARE(view.changesModel()->index(0, JsonDiffModel::BeforeColumn).data().toString(), u"2"_s);
        QCOMPARE(view.changesModel()->index(0, JsonDiffModel::AfterColumn).data().toString(), u"3"_s);
        view.setTexts(u"{\"a\": 1}"_s, u"{not json"_s);
        QVERIFY(!view.isValid());
        QCOMPARE(view.changesModel()->rowCount(), 0);
    }

    void theReviewPaneShowsAndEditsJsonPayloads()
    {
        ReviewPane pane;
        pane.resize(1000, 800);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        DiffWidget *diff = pane.diffWidget();
        QSignalSpy updated(diff, &DiffWidget::diffUpdated);
        pane.showAction(jsonAction(), std::nullopt);
        QVERIFY(pane.isJsonPayload());
        JsonPayloadView *json = pane.jsonView();
        auto *tabs = pane.findChild<QTabWidget *>(u"reviewTabs"_s);
        QVERIFY(tabs->isTabVisible(tabs->indexOf(json)));
        QCOMPARE(tabs->currentWidget(), json);
        QTRY_VERIFY(!diff->isComputing());

        // Proposed change: original -> draft; the reordering is no change, the values are.
        QCOMPARE(pane.view(), ReviewPane::View::Proposed);
        QTRY_COMPARE(paths(json->changesModel()), (QStringList{u"flags[1]"_s, u"timeout"_s}));
        QVERIFY(!json->argumentsModel()->isEditable());

        // Modify: the tree edits, and the edit reaches the diff's editor as the reviewer's version.
        pane.startEditing();
        QCOMPARE(pane.view(), ReviewPane::View::Edits);
        QTRY_VERIFY(!diff->isComputing());
        QVERIFY(json->argumentsModel()->isEditable());
        QCOMPARE(json->changesModel()->rowCount(), 0); // draft -> draft: nothing yet
        const QModelIndex timeout
            = find(json->argumentsModel(), u"timeout"_s).siblingAtColumn(JsonTreeModel::ValueColumn);
        QVERIFY(timeout.isValid());
        QVERIFY(json->argumentsModel()->setData(timeout, u"90"_s));
        QVERIFY(pane.hasEdits());
        QCOMPARE(JsonDiff::parse(pane.editedText()),
            JsonDiff::parse(u"{\"command\": \"ls\", \"timeout\": 90, \"flags\": [\"-l\", \"-a\"]}"_s));
        QTRY_COMPARE(paths(json->changesModel()), QStringList{u"timeout"_s});
        // The tree was not rebuilt under the reviewer's hands.
        QCOMPARE(
            find(json->argumentsModel(), u"timeout"_s).siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(),
            u"90"_s);

        // Typing in the editor updates the tree.
        diff->setEditedText(u"{\"command\": \"pwd\"}\n"_s);
        QTRY_VERIFY(find(json->argumentsModel(), u"command"_s).isValid()
            && find(json->argumentsModel(), u"command"_s).siblingAtColumn(JsonTreeModel::ValueColumn).data().toString()
                == u"pwd"_s);
        QVERIFY(!find(json->argumentsModel(), u"timeout"_s).isValid());

        // Not JSON: no tab.
        Action text = jsonAction();
        text.id = u"text-1"_s;
        text.payload.language = u"markdown"_s;
        pane.showAction(text, std::nullopt);
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(json)));
    }
};

QTEST_MAIN(TestJsonPayloadView)
#include "tst_jsonpayloadview.moc"
