#include "settings/serverurl.h"
#include "testdata.h"
#include "testresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Countersign;

// ServerUrl against the cases in tests/data/ui/settings/server-urls.json.
class TestServerUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestServerUrl::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("warning");

    const QJsonDocument doc = QJsonDocument::fromJson(Test::readData(QStringLiteral("ui/settings/server-urls.json")));
    const QJsonArray cases = doc.object().value(QLatin1String("cases")).toArray();
    QVERIFY2(cases.size() > 10, "the data file is missing or nearly empty");
    for (const auto &value : cases) {
        const QJsonObject c = value.toObject();
        const QString input = c.value(QLatin1String("input")).toString();
        QTest::newRow(qPrintable(QString(u'"' + input + u'"')))
            << input << c.value(QLatin1String("url")).toString() << c.value(QLatin1String("error")).toString()
            << c.value(QLatin1String("warning")).toBool();
    }
}

void TestServerUrl::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, url);
    QFETCH(QString, error);
    QFETCH(bool, warning);

    const auto parsed = ServerUrl::parse(input);
    if (!error.isEmpty()) {
        QVERIFY2(!parsed, qPrintable(QStringLiteral("accepted as %1").arg(parsed ? parsed->toString() : QString())));
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(parsed.error().field, QStringLiteral("url"));
        CS_VERIFY_ERROR_MESSAGE(parsed, error);
        return;
    }
    CS_VERIFY_OK(parsed);
    QCOMPARE(parsed->toString(), url);
    QCOMPARE(!ServerUrl::securityWarning(*parsed).isEmpty(), warning);
}

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_serverurl.moc"
