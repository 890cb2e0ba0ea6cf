#include "policy/duration.h"
#include "testresult.h"

#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Countersign;

namespace {

QJsonObject table()
{
    return QJsonDocument::fromJson(Test::readData(QStringLiteral("policy/durations.json"))).object();
}

} // namespace

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        const QJsonArray rows = table().value(QLatin1String("valid")).toArray();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &row : rows) {
            const QString text = row[0].toString();
            QTest::newRow(qPrintable(text)) << text << static_cast<qint64>(row[1].toDouble());
        }
    }
    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const auto parsed = parseDuration(text);
        CS_VERIFY_OK(parsed);
        QCOMPARE(parsed->count(), seconds);
    }

    void refusesInvalid_data()
    {
        QTest::addColumn<QString>("text");
        const QJsonArray rows = table().value(QLatin1String("invalid")).toArray();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &row : rows)
            QTest::newRow(qPrintable(u'"' + row.toString() + u'"')) << row.toString();
    }
    void refusesInvalid()
    {
        QFETCH(QString, text);
        const auto parsed = parseDuration(text);
        QVERIFY2(!parsed, qPrintable(QStringLiteral("parsed as %1 s").arg(parsed ? parsed->count() : 0)));
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY(parsed.error().message.contains(u'"' + text + u'"'));
    }

    void formats_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        const QJsonArray rows = table().value(QLatin1String("formatted")).toArray();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &row : rows) {
            const QString text = row[1].toString();
            QTest::newRow(qPrintable(text)) << static_cast<qint64>(row[0].toDouble()) << text;
        }
    }
    void formats()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(formatDuration(std::chrono::seconds(seconds)), text);
    }

    // Every whole number of seconds up to a few days, and a spread beyond, survives the round trip.
    void roundTrips()
    {
        for (qint64 s = 0; s <= 4 * 86400; s += 7)
            QCOMPARE(parseDuration(formatDuration(std::chrono::seconds(s)))->count(), s);
        for (qint64 s = 86400; s < 3650LL * 86400; s = s * 3 + 1)
            QCOMPARE(parseDuration(formatDuration(std::chrono::seconds(s)))->count(), s);
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
