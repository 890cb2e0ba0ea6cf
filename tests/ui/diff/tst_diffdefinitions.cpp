#include "diff/diffdocument.h"
#include "diff/diffwidget.h"
#include "diff/syntaxrepository.h"

#include "diff/differ.h"

#include <KSyntaxHighlighting/Repository>

#include <QElapsedTimer>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

// A little of every syntax: comments of several families, strings, numbers, markup, brackets
// left open (so every highlighter's context stack is exercised), non-ASCII and a tab.
const QString sampleLeft = uR"(#!/bin/sh
# comment
// comment /* block
-- comment
<!-- markup --> <tag attr="value">text</tag>
def f(x): return "string" + 'c' + 42 + 0x1F + 3.14e-2
SELECT * FROM t WHERE a = 'x';
{ "key": [1, 2, null, true] }
	tab	and ünïcödé ✓ \"escaped\"
(( [[ {{ unclosed
)"_s;
const QString sampleRight = uR"(#!/bin/sh
# comment changed
// comment /* block
-- comment
<!-- markup --> <tag attr="other">text</tag>
def f(x): return "string" + 'c' + 43 + 0x1F + 3.14e-2
SELECT * FROM t WHERE a = 'x';
added line with "quotes
{ "key": [1, 2, null, false] }
	tab	and ünïcödé ✓ \"escaped\"
(( [[ {{ unclosed
)"_s;

} // namespace

// Every syntax definition KSyntaxHighlighting ships renders a small diff, in both views,
// without crashing, and the lines painted were highlighted with it.
class TestDiffDefinitions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDefinitionRenders()
    {
        const QList<KSyntaxHighlighting::Definition> definitions = SyntaxRepository::repository().definitions();
        QVERIFY(definitions.size() > 300);
        DiffOptions options;
        options.contextLines = 0; // several hunks, so the per-hunk reset runs too
        const FileDiff diff = Differ::diff(sampleLeft, sampleRight, options);
        QVERIFY(diff.hunks().size() >= 2);

        DiffWidget widget;
        widget.resize(700, 320);
        widget.setViewFont(QFont(u"DejaVu Sans Mono"_s, 9));
        widget.setDiff(diff);
        widget.show();
        QElapsedTimer timer;
        timer.start();
        int highlighted = 0;
        for (const KSyntaxHighlighting::Definition &definition : definitions) {
            widget.setLanguage(definition.name());
            QCOMPARE(widget.definition().name(), definition.name());
            for (const DiffWidget::Mode mode : {DiffWidget::Mode::SideBySide, DiffWidget::Mode::Unified}) {
                widget.setMode(mode);
                const QImage image = widget.grab().toImage();
                QVERIFY2(!image.isNull(), qPrintable(definition.name()));
            }
            // Painting asked for the formats of the lines on screen.
            const DiffDocument *document = widget.document();
            // ("None" is KSyntaxHighlighting's name for plain text, which has nothing to highlight.)
            QVERIFY2(
                document->highlighter(DiffSide::Right).highlightedLineCount() > 0 || !document->definition().isValid(),
                qPrintable(definition.name()));
            ++highlighted;
        }
        qInfo("%d definitions rendered in %lld ms", highlighted, qint64(timer.elapsed()));

        // And plain text.
        widget.setLanguage(u"text"_s);
        QVERIFY(!widget.definition().isValid());
        QVERIFY(!widget.grab().isNull());
    }
};

QTEST_MAIN(TestDiffDefinitions)
#include "tst_diffdefinitions.moc"
