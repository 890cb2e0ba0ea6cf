#include "diff/diffdisplaymodel.h"

#include "diff/differ.h"
#include "diff/unifieddiff.h"

#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;
using Kind = DiffDisplayModel::Row::Kind;

namespace {

QString lines(int from, int to, const QString &pattern = u"line %1"_s)
{
    QString text;
    for (int i = from; i < to; ++i)
        text += pattern.arg(i) + QLatin1Char('\n');
    return text;
}

// 100 lines; line 10 changed, line 50 removed, one line added after 80.
FileDiff sampleDiff(int contextLines = -1)
{
    const QString left = lines(0, 100);
    QString right
        = lines(0, 10) + u"line 10 changed\n"_s + lines(11, 50) + lines(51, 81) + u"added\n"_s + lines(81, 100);
    DiffOptions options;
    options.contextLines = contextLines;
    return Differ::diff(left, right, options);
}

QString kinds(const DiffDisplayModel &model)
{
    QString out;
    for (int i = 0; i < model.rowCount(); ++i) {
        switch (model.row(i).kind) {
        case Kind::Context:
            out += QLatin1Char('.');
            break;
        case Kind::Removed:
            out += QLatin1Char('-');
            break;
        case Kind::Added:
            out += QLatin1Char('+');
            break;
        case Kind::Changed:
            out += QLatin1Char('~');
            break;
        case Kind::Fold:
            out += QLatin1Char('F');
            break;
        }
    }
    return out;
}

} // namespace

class TestDiffDisplayModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldsUnchangedRuns()
    {
        DiffDisplayModel model(DiffDisplayModel::Layout::SideBySide);
        model.setDiff(sampleDiff());
        // 3 rows of context kept around every change, the rest folded.
        QCOMPARE(kinds(model), u"F...~...F...-...F...+...F"_s);
        QCOMPARE(model.row(0).hidden, 7);
        QCOMPARE(model.row(8).hidden, 50 - 11 - 6);
        QVERIFY(model.hasFolds());

        // Every line maps to the row showing it, or to its fold.
        QCOMPARE(model.rowForLeftLine(0), 0);
        QCOMPARE(model.rowForLeftLine(10), 4);
        QCOMPARE(model.rowForRightLine(10), 4);
        QCOMPARE(model.rowForLeftLine(30), 8);
        QCOMPARE(model.rowForLeftLine(50), 12);
        QCOMPARE(model.row(12).rightLine, -1);
        QCOMPARE(model.rowForLeftLine(1000), -1);

        QCOMPARE(model.hiddenLines(0, true).first(), u"line 0"_s);
        QCOMPARE(model.hiddenLines(0, true).size(), 7);
        QVERIFY(model.hiddenLines(1, true).isEmpty());
    }

    void expandsOneFold()
    {
        DiffDisplayModel model(DiffDisplayModel::Layout::SideBySide);
        model.setDiff(sampleDiff());
        const int before = model.rowCount();
        QVERIFY(!model.expandFold(1)); // not a fold
        QVERIFY(model.expandFold(8));
        QCOMPARE(model.rowCount(), before + 33 - 1);
        QCOMPARE(kinds(model), u"F...~"_s + QString(39, QLatin1Char('.')) + u"-...F...+...F"_s);
        QCOMPARE(model.row(8).leftLine, 14);
        QCOMPARE(model.rowForLeftLine(30), 8 + 30 - 14);
        // The other folds stay folded; a new diff folds everything again.
        QCOMPARE(model.row(0).kind, Kind::Fold);
        model.setDiff(sampleDiff());
        QCOMPARE(model.rowCount(), before);
        model.expandAll();
        QCOMPARE(model.rowCount(), 101);
        QVERIFY(!model.hasFolds());
    }

    void unifiedListsRemovedThenAdded()
    {
        const QString left = u"keep\nvalue = 1\nname = 'x'\nend\nfin\n"_s;
        const QString right = u"keep\nvalue = 2\nname = 'y'\nextra = 3\nend\nfin\n"_s;
        DiffOptions options;
        options.contextLines = -1;
        const FileDiff diff = Differ::diff(left, right, options);
        DiffDisplayModel unified(DiffDisplayModel::Layout::Unified);
        unified.setDiff(diff);
        QCOMPARE(kinds(unified), u".--+++.."_s);
        QCOMPARE(unified.row(1).leftLine, 1);
        QCOMPARE(unified.row(2).leftLine, 2);
        QCOMPARE(unified.row(3).rightLine, 1);
        QCOMPARE(unified.row(5).rightLine, 3);
        QCOMPARE(unified.changeStarts(), QList<int>{1});
        // Changed rows keep their words' spans on both sides.
        QVERIFY(!unified.spans(1, true).isEmpty());
        QVERIFY(!unified.spans(3, false).isEmpty());

        DiffDisplayModel sideBySide(DiffDisplayModel::Layout::SideBySide);
        sideBySide.setDiff(diff);
        QCOMPARE(kinds(sideBySide), u".~~+.."_s);
        QCOMPARE(sideBySide.changeStarts(), QList<int>{1});
    }

    void leftOnlyShowsTheOriginal()
    {
        DiffDisplayModel model(DiffDisplayModel::Layout::LeftOnly);
        model.setDiff(sampleDiff());
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.row(10).kind, Kind::Changed);
        QCOMPARE(model.row(50).kind, Kind::Removed);
        // The added line (right 80) is not shown: it maps to the row after it.
        QCOMPARE(model.rowForRightLine(80), 81);
        QCOMPARE(model.row(81).rightLine, 81);
    }

    void navigatesChanges()
    {
        DiffDisplayModel model(DiffDisplayModel::Layout::SideBySide);
        model.setDiff(sampleDiff());
        QCOMPARE(model.changeStarts(), (QList<int>{4, 12, 20}));
        QCOMPARE(model.nextChange(0), 4);
        QCOMPARE(model.nextChange(4), 12);
        QCOMPARE(model.nextChange(20), -1);
        QCOMPARE(model.previousChange(20), 12);
        QCOMPARE(model.previousChange(4), -1);
        QCOMPARE(model.changeNumberAt(0), 0);
        QCOMPARE(model.changeNumberAt(13), 2);
    }

    void intraLineSpans()
    {
        DiffDisplayModel model(DiffDisplayModel::Layout::SideBySide);
        model.setDiff(sampleDiff());
        QCOMPARE(model.row(4).kind, Kind::Changed);
        QVERIFY(!model.spans(4, false).isEmpty());
        QVERIFY(model.spans(3, false).isEmpty());
        QVERIFY(model.spans(-1, true).isEmpty());
    }

    void identicalTextsAreNotFolded()
    {
        DiffOptions options;
        options.contextLines = -1;
        DiffDisplayModel model;
        model.setDiff(Differ::diff(lines(0, 50), lines(0, 50), options));
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(!model.hasFolds());
        QVERIFY(model.changeStarts().isEmpty());
    }

    void hunksWithContextShowTheGapsToo()
    {
        // A diff made with 3 lines of context knows the whole texts: the gaps between hunks are
        // rows the view can unfold.
        DiffDisplayModel model;
        model.setDiff(sampleDiff(3));
        QCOMPARE(kinds(model), u"F...~...F...-...F...+...F"_s);
        model.expandAll();
        QCOMPARE(model.rowCount(), 101);
    }

    void patchGapsAreNotExpandable()
    {
        const Result<QList<FileDiff>> parsed = UnifiedDiff::parse(UnifiedDiff::write(sampleDiff(3)));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->size(), 1);
        DiffDisplayModel model;
        model.setDiff(parsed->first());
        const QString shape = kinds(model);
        QVERIFY2(shape.startsWith(u"F...~...F"_s), qPrintable(shape));
        QCOMPARE(model.row(0).source, -1);
        QCOMPARE(model.row(0).hidden, 7);
        QVERIFY(!model.expandFold(0));
        QVERIFY(model.hiddenLines(0, true).isEmpty());
    }

    void emptyDiff()
    {
        DiffDisplayModel model;
        model.setDiff(FileDiff());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.nextChange(0), -1);
        QCOMPARE(model.rowForLeftLine(0), -1);
        QVERIFY(!model.expandFold(0));
    }
};

QTEST_MAIN(TestDiffDisplayModel)
#include "tst_diffdisplaymodel.moc"
