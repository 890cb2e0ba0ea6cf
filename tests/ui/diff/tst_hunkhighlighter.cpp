#include "diff/diffdocument.h"
#include "diff/hunkhighlighter.h"
#include "diff/syntaxrepository.h"

#include "diff/differ.h"

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;
using KSyntaxHighlighting::Theme;

namespace {

QString numberedLines(const QString &pattern, int count)
{
    QStringList lines;
    for (int i = 0; i < count; ++i)
        lines.append(pattern.arg(i));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int lineIndex(const QStringList &lines, const QString &text)
{
    return int(lines.indexOf(text));
}

} // namespace

class TestHunkHighlighter : public QObject
{
    Q_OBJECT

private:
    static Theme lightTheme() { return SyntaxRepository::theme(u"Breeze Light"_s); }

private Q_SLOTS:
    // A hunk that starts inside a comment the file opened long before is still read as code:
    // its first token keeps its keyword format. The same line highlighted with the whole file
    // as one unit is a comment, which proves the file really is in a comment there.
    void hunkStartingInsideACommentIsCode()
    {
        const QString head = u"/* a comment that the file never closes\n"_s + numberedLines(u"   note %1"_s, 30);
        const QString left = head + u"return first;\nint a = 1;\nint b = 2;\n"_s + numberedLines(u"   more %1"_s, 30);
        const QString right = head + u"return second;\nint a = 1;\nint b = 2;\n"_s + numberedLines(u"   more %1"_s, 30);

        DiffOptions options;
        options.contextLines = 0;
        DiffDocument document;
        document.setTheme(lightTheme());
        document.setDefinition(SyntaxRepository::definitionFor(u"cpp"_s));
        document.setDiff(Differ::diff(left, right, options));
        const int line = lineIndex(document.lines(DiffSide::Right), u"return second;"_s);
        QVERIFY(line > 0);
        QCOMPARE(document.diff().hunks().size(), 1);
        QCOMPARE(document.diff().hunks().first().rightStart, line);

        HunkHighlighter &highlighter = document.highlighter(DiffSide::Right);
        const KSyntaxHighlighting::Format format = highlighter.formatAt(line, 0);
        QVERIFY(format.isValid());
        QCOMPARE(format.textStyle(), Theme::ControlFlow);
        QVERIFY(highlighter.charFormat(highlighter.spans(line).first().style).foreground().color()
            != QColor(lightTheme().textColor(Theme::Comment)));

        // Control: the whole file as one unit.
        options.contextLines = -1;
        document.setDiff(Differ::diff(left, right, options));
        QCOMPARE(document.diff().hunks().size(), 1);
        QCOMPARE(document.highlighter(DiffSide::Right).formatAt(line, 0).textStyle(), Theme::Comment);
    }

    // A hunk that leaves a string open does not turn the next hunk into a string.
    void unterminatedStringDoesNotPoisonTheNextHunk()
    {
        const QString middle = numberedLines(u"value_%1 = compute(%1)"_s, 20);
        const QString left = u"greeting = 'hello'\n"_s + middle + u"def tail():\n    return 1\n"_s;
        const QString right = u"greeting = '''hello\n"_s + middle + u"def tail():\n    return 2\n"_s;
        DiffOptions options;
        options.contextLines = 1;
        DiffDocument document;
        document.setTheme(lightTheme());
        document.setDefinition(SyntaxRepository::definitionFor(u"python"_s));
        document.setDiff(Differ::diff(left, right, options));
        QCOMPARE(document.diff().hunks().size(), 2);
        const int line = lineIndex(document.lines(DiffSide::Right), u"def tail():"_s);
        HunkHighlighter &highlighter = document.highlighter(DiffSide::Right);
        QCOMPARE(highlighter.formatAt(line, 0).textStyle(), Theme::Keyword);
        QCOMPARE(highlighter.formatAt(line + 1, 4).textStyle(), Theme::ControlFlow);
        // The first hunk itself is inside its string, as it should be.
        QCOMPARE(highlighter.formatAt(0, 14).textStyle(), Theme::String);
    }

    void highlightsLazily()
    {
        const QString text = numberedLines(u"x_%1 = \"s\" + str(%1)  # note"_s, 10000);
        HunkHighlighter highlighter;
        highlighter.setTheme(lightTheme());
        highlighter.setDefinition(SyntaxRepository::definitionFor(u"python"_s));
        highlighter.setLines(text.split(QLatin1Char('\n')), {});
        QCOMPARE(highlighter.highlightedLineCount(), 0);
        QVERIFY(!highlighter.spans(10).isEmpty());
        QCOMPARE(highlighter.highlightedLineCount(), 11);
        const QList<HunkHighlighter::Span> again = highlighter.spans(10);
        QCOMPARE(highlighter.highlightedLineCount(), 11); // cached
        QCOMPARE(again.size(), highlighter.spans(10).size());

        // A later unit starts from scratch without highlighting the lines before it.
        highlighter.setLines(text.split(QLatin1Char('\n')), {5000});
        QCOMPARE(highlighter.highlightedLineCount(), 0);
        highlighter.spans(5002);
        QCOMPARE(highlighter.highlightedLineCount(), 3);

        // Same lines and units: the cache survives (the left side while the right is edited).
        highlighter.setLines(text.split(QLatin1Char('\n')), {5000});
        QCOMPARE(highlighter.highlightedLineCount(), 3);

        // Idle-time work fills in the rest, a slice at a time, and agrees with the lazy path.
        QCOMPARE(highlighter.highlightAhead(100), 100);
        QCOMPARE(highlighter.highlightedLineCount(), 103);
        while (highlighter.highlightAhead(1000) > 0) { }
        QCOMPARE(highlighter.highlightedLineCount(), highlighter.lineCount());
        HunkHighlighter lazy;
        lazy.setTheme(lightTheme());
        lazy.setDefinition(SyntaxRepository::definitionFor(u"python"_s));
        lazy.setLines(text.split(QLatin1Char('\n')), {5000});
        for (const int line : {0, 4999, 5000, 9999}) {
            QCOMPARE(lazy.spans(line).size(), highlighter.spans(line).size());
            QCOMPARE(lazy.formatAt(line, 0).id(), highlighter.formatAt(line, 0).id());
        }
    }

    void formatsAreSharedPerStyle()
    {
        const QString text = numberedLines(u"if x_%1: return \"s\"  # c"_s, 200);
        HunkHighlighter highlighter;
        highlighter.setTheme(lightTheme());
        highlighter.setDefinition(SyntaxRepository::definitionFor(u"python"_s));
        highlighter.setLines(text.split(QLatin1Char('\n')), {});
        int maxStyle = -1;
        for (int line = 0; line < 200; ++line) {
            for (const HunkHighlighter::Span &span : highlighter.spans(line)) {
                maxStyle = qMax(maxStyle, span.style);
                QVERIFY(span.length > 0);
            }
        }
        QVERIFY(maxStyle >= 2); // keyword, string, comment at least
        QVERIFY(maxStyle < 12); // one entry per distinct format, not per token
        // Normal text is left out of the spans.
        for (const HunkHighlighter::Span &span : highlighter.spans(0))
            QVERIFY(!highlighter.format(span.style).isDefaultTextStyle(lightTheme()));
    }

    void plainTextHasNoSpans()
    {
        HunkHighlighter highlighter;
        highlighter.setTheme(lightTheme());
        highlighter.setLines({u"if x: return 1"_s}, {});
        QVERIFY(highlighter.spans(0).isEmpty());
        QVERIFY(!highlighter.formatAt(0, 0).isValid());
        QVERIFY(highlighter.spans(-1).isEmpty());
        QVERIFY(highlighter.spans(5).isEmpty());
    }

    void themeChangeRecolours()
    {
        HunkHighlighter highlighter;
        highlighter.setTheme(lightTheme());
        highlighter.setDefinition(SyntaxRepository::definitionFor(u"python"_s));
        highlighter.setLines({u"return 'text'"_s}, {});
        const QColor light = highlighter.charFormat(highlighter.spans(0).first().style).foreground().color();
        highlighter.setTheme(SyntaxRepository::theme(u"Breeze Dark"_s));
        const QColor dark = highlighter.charFormat(highlighter.spans(0).first().style).foreground().color();
        QVERIFY(light != dark);
    }

    void carriageReturnsAndLongLines()
    {
        QCOMPARE(HunkHighlighter::displayText(u"abc\r"_s), u"abc"_s);
        const QString longLine = u"x = \""_s + QString(200000, QLatin1Char('a')) + u"\""_s;
        QCOMPARE(HunkHighlighter::displayText(longLine).size(), HunkHighlighter::MaxLineLength);
        HunkHighlighter highlighter;
        highlighter.setTheme(lightTheme());
        highlighter.setDefinition(SyntaxRepository::definitionFor(u"python"_s));
        // Separate units: the cut leaves the long line's string open.
        highlighter.setLines({longLine, u"return 1\r"_s}, {1});
        for (const HunkHighlighter::Span &span : highlighter.spans(0))
            QVERIFY(span.start + span.length <= HunkHighlighter::MaxLineLength);
        QCOMPARE(highlighter.formatAt(1, 0).textStyle(), Theme::ControlFlow);
    }
};

QTEST_MAIN(TestHunkHighlighter)
#include "tst_hunkhighlighter.moc"
