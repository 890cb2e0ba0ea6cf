#include "diff/wrappolicy.h"

#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

// Word wrap is on by default for prose and off for code and data.
class TestWrapPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<bool>("wraps");
        QTest::newRow("markdown") << u"markdown"_s << QString() << true;
        QTest::newRow("Markdown, any case") << u"  Markdown "_s << QString() << true;
        QTest::newRow("email") << u"email"_s << QString() << true;
        QTest::newRow("text") << u"text"_s << QString() << true;
        QTest::newRow("text/plain as language") << u"text/plain"_s << QString() << true;
        QTest::newRow("python") << u"python"_s << QString() << false;
        QTest::newRow("sql") << u"sql"_s << QString() << false;
        QTest::newRow("json") << u"json"_s << QString() << false;
        QTest::newRow("diff") << u"diff"_s << QString() << false;
        QTest::newRow("language beats the MIME type") << u"python"_s << u"text/plain"_s << false;
        QTest::newRow("plain MIME type") << QString() << u"text/plain"_s << true;
        QTest::newRow("markdown MIME type") << QString() << u"text/markdown"_s << true;
        QTest::newRow("code MIME type") << QString() << u"text/x-python"_s << false;
        QTest::newRow("nothing known: plain text") << QString() << QString() << true;
    }

    void byLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, mimeType);
        QFETCH(bool, wraps);
        QCOMPARE(WrapPolicy::wrapsByDefault(language, mimeType), wraps);
    }
};

QTEST_GUILESS_MAIN(TestWrapPolicy)
#include "tst_wrappolicy.moc"
