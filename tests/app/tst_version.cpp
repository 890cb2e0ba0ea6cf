#include "httpclient.h"
#include "serverprocess.h"
#include "testdata.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Countersign;

// The version is written once, in project() of the top CMakeLists.txt. This test reads it from
// there (not from the generated header it checks) and asks every place a user sees a version.
class TestVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void executableVersion_data();
    void executableVersion();
    void serverApiVersion();
    void metainfoRelease();

private:
    QString m_expected;
};

void TestVersion::initTestCase()
{
    QFile top(Test::sourcePath(QStringLiteral("CMakeLists.txt")));
    QVERIFY2(top.open(QIODevice::ReadOnly), qPrintable(top.fileName()));
    static const QRegularExpression project(
        QStringLiteral(R"(project\s*\(\s*Countersign\b[^)]*\bVERSION\s+([0-9][0-9A-Za-z.+-]*))"));
    const auto match = project.match(QString::fromUtf8(top.readAll()));
    QVERIFY2(match.hasMatch(), "no project(Countersign VERSION ...) in the top CMakeLists.txt");
    m_expected = match.captured(1);
}

void TestVersion::executableVersion_data()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("qtOptions"); // Qt's own GUI options must not break --version
    QTest::newRow("countersign") << QStringLiteral(COUNTERSIGN_APP_BINARY) << QStringLiteral("countersign")
                                 << QStringList();
    QTest::newRow("countersign -platform") << QStringLiteral(COUNTERSIGN_APP_BINARY) << QStringLiteral("countersign")
                                           << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen")};
    QTest::newRow("countersign-server") << QStringLiteral(COUNTERSIGN_SERVER_BINARY)
                                        << QStringLiteral("countersign-server") << QStringList();
    QTest::newRow("countersign-cli") << QStringLiteral(COUNTERSIGN_CLI_BINARY) << QStringLiteral("countersign-cli")
                                     << QStringList();
}

void TestVersion::executableVersion()
{
    QFETCH(QString, binary);
    QFETCH(QString, name);
    QFETCH(QStringList, qtOptions);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")); // the GUI app, too
    process.setProcessEnvironment(env);
    process.start(binary, qtOptions + QStringList{QStringLiteral("--version")});
    QVERIFY2(process.waitForFinished(20000), qPrintable(binary));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).trimmed(), QString(name + u' ' + m_expected));
}

void TestVersion::serverApiVersion()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Test::ServerProcess server;
    QVERIFY(server.start({QStringLiteral("--db"), dir.filePath(QStringLiteral("version.db"))}));
    Test::HttpClient http(server.url());
    const Test::HttpResult openApi = http.get(QStringLiteral("/v1/openapi.json"));
    QCOMPARE(openApi.status, 200);
    QCOMPARE(
        openApi.json().value(QLatin1String("info")).toObject().value(QLatin1String("version")).toString(), m_expected);
}

void TestVersion::metainfoRelease()
{
    const QString path = QStringLiteral(COUNTERSIGN_METAINFO_FILE);
    if (path.isEmpty())
        QSKIP("AppStream metainfo is made on Linux only");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QXmlStreamReader xml(&file);
    QStringList releases;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("release"))
            releases.append(xml.attributes().value(QLatin1String("version")).toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(!releases.isEmpty());
    QCOMPARE(releases.constFirst(), m_expected); // the newest release comes first
}

QTEST_GUILESS_MAIN(TestVersion)
#include "tst_version.moc"
