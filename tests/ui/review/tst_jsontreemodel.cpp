#include "review/confidencemeter.h"
#include "review/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Countersign;

class TestJsonTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeOfContext()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonDocument doc = QJsonDocument::fromJson(R"({
            "amount": 5200.5, "currency": "EUR", "vip": true, "note": null,
            "customer": {"id": "c-17", "orders": [{"id": 1}, {"id": 2, "items": ["a", "b"]}]}})");
        model.setJson(doc.object());
        QCOMPARE(model.rowCount(), 5);

        const QModelIndex customer
            = model.match(model.index(0, 0), Qt::DisplayRole, QStringLiteral("customer")).value(0);
        QVERIFY(customer.isValid());
        QCOMPARE(model.rowCount(customer), 2);
        QCOMPARE(customer.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("2 field(s)"));
        const QModelIndex orders = model.index(1, 0, customer);
        QCOMPARE(orders.data().toString(), QStringLiteral("orders"));
        const QModelIndex second = model.index(1, 0, orders);
        const QModelIndex items = model.index(1, 0, second);
        const QModelIndex b = model.index(1, JsonTreeModel::ValueColumn, items);
        QCOMPARE(b.data().toString(), QStringLiteral("b"));
        QCOMPARE(model.pathOf(b), QStringLiteral("customer.orders[1].items[1]"));
        QCOMPARE(model.parent(b), items.siblingAtColumn(0));

        const QModelIndex amount = model.match(model.index(0, 0), Qt::DisplayRole, QStringLiteral("amount")).value(0);
        QCOMPARE(amount.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("5200.5"));
        QCOMPARE(amount.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(), QStringLiteral("number"));

        model.setJson(QJsonValue());
        QCOMPARE(model.rowCount(), 0);
    }

    void meterMarksThreshold()
    {
        ConfidenceMeter meter;
        meter.resize(200, 24);
        meter.setConfidence(0.5);
        meter.setThreshold(0.7);
        QVERIFY(meter.toolTip().contains(QStringLiteral("70%")));
        const QImage low = meter.grab().toImage();
        meter.setConfidence(0.9);
        const QImage high = meter.grab().toImage();
        // Low confidence fills less of the bar and in another colour than high confidence.
        QVERIFY(low != high);
        const QColor lowFill = low.pixelColor(20, 12);
        const QColor highFill = high.pixelColor(20, 12);
        QVERIFY(lowFill != highFill);
        meter.setConfidence(7); // clamped
        QCOMPARE(meter.confidence(), 1.0);
    }
};

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
