#include "diff/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>

#include <QPalette>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

class TestSyntaxRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRepositoryPerProcess()
    {
        QCOMPARE(&SyntaxRepository::repository(), &SyntaxRepository::repository());
        QVERIFY(SyntaxRepository::repository().definitions().size() > 100);
    }

    void languageHints_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QString>("expected"); // empty: plain text

        QTest::newRow("python") << u"python"_s << QString() << QString() << u"Python"_s;
        QTest::newRow("Python, any case") << u"PyThOn"_s << QString() << QString() << u"Python"_s;
        QTest::newRow("py") << u"py"_s << QString() << QString() << u"Python"_s;
        QTest::newRow("sql") << u"sql"_s << QString() << QString() << u"SQL"_s;
        QTest::newRow("json") << u"json"_s << QString() << QString() << u"JSON"_s;
        QTest::newRow("markdown") << u"markdown"_s << QString() << QString() << u"Markdown"_s;
        QTest::newRow("md") << u"md"_s << QString() << QString() << u"Markdown"_s;
        QTest::newRow("shell") << u"shell"_s << QString() << QString() << u"Bash"_s;
        QTest::newRow("bash") << u"bash"_s << QString() << QString() << u"Bash"_s;
        QTest::newRow("sh") << u"sh"_s << QString() << QString() << u"Bash"_s;
        QTest::newRow("cpp") << u"cpp"_s << QString() << QString() << u"C++"_s;
        QTest::newRow("c++") << u"c++"_s << QString() << QString() << u"C++"_s;
        QTest::newRow("yaml") << u"yaml"_s << QString() << QString() << u"YAML"_s;
        QTest::newRow("yml") << u"yml"_s << QString() << QString() << u"YAML"_s;
        QTest::newRow("html") << u"html"_s << QString() << QString() << u"HTML"_s;
        QTest::newRow("email") << u"email"_s << QString() << QString() << u"Email"_s;
        QTest::newRow("extension hint") << u"rs"_s << QString() << QString() << u"Rust"_s;
        QTest::newRow("padded hint") << u"  json "_s << QString() << QString() << u"JSON"_s;
        QTest::newRow("plain text") << u"text"_s << u"notes.py"_s << QString() << QString();
        QTest::newRow("file name fallback") << QString() << u"deploy.yaml"_s << QString() << u"YAML"_s;
        QTest::newRow("unknown hint, file name") << u"no-such-language"_s << u"query.sql"_s << QString() << u"SQL"_s;
        QTest::newRow("MIME type fallback") << QString() << QString() << u"application/json"_s << u"JSON"_s;
        QTest::newRow("MIME type as hint") << u"text/x-python"_s << QString() << QString() << u"Python"_s;
        QTest::newRow("nothing known") << u"no-such-language"_s << QString() << QString() << QString();
    }

    void languageHints()
    {
        QFETCH(QString, language);
        QFETCH(QString, fileName);
        QFETCH(QString, mimeType);
        QFETCH(QString, expected);
        const KSyntaxHighlighting::Definition definition
            = SyntaxRepository::definitionFor(language, fileName, mimeType);
        if (expected.isEmpty()) {
            QVERIFY2(!definition.isValid(), qPrintable(definition.name()));
        } else {
            QVERIFY(definition.isValid());
            QCOMPARE(definition.name(), expected);
        }
    }

    void everyDefinitionByItsName()
    {
        // What the review pane passes for a language picked from the full list.
        const QList<KSyntaxHighlighting::Definition> definitions = SyntaxRepository::repository().definitions();
        for (const KSyntaxHighlighting::Definition &definition : definitions)
            QCOMPARE(SyntaxRepository::definitionFor(definition.name()).name(), definition.name());
    }

    void themeFollowsThePalette()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        light.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
        light.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));

        const KSyntaxHighlighting::Theme lightTheme = SyntaxRepository::themeForPalette(light);
        const KSyntaxHighlighting::Theme darkTheme = SyntaxRepository::themeForPalette(dark);
        QVERIFY(lightTheme.isValid());
        QVERIFY(darkTheme.isValid());
        using KSyntaxHighlighting::Theme;
        QVERIFY(QColor(lightTheme.editorColor(Theme::BackgroundColor)).lightnessF() > 0.5);
        QVERIFY(QColor(darkTheme.editorColor(Theme::BackgroundColor)).lightnessF() < 0.5);
    }

    void themesByName()
    {
        const QStringList names = SyntaxRepository::themeNames();
        QVERIFY(names.contains(u"Breeze Light"_s));
        QVERIFY(names.contains(u"Breeze Dark"_s));
        QCOMPARE(SyntaxRepository::theme(u"Breeze Dark"_s).name(), u"Breeze Dark"_s);
        QVERIFY(!SyntaxRepository::theme(u"No Such Theme"_s).isValid());
    }
};

QTEST_MAIN(TestSyntaxRepository)
#include "tst_syntaxrepository.moc"
