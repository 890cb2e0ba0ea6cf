#include "diff/inlinediff.h"
#include "diff/linepairing.h"
#include "diffdump.h"
#include "randomtext.h"
#include "timelimit.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Countersign;

namespace {

// "left => right" with the changed spans bracketed.
QString render(const QString &left, const QString &right, bool ignoreWhitespace = false)
{
    QList<DiffSpan> l;
    QList<DiffSpan> r;
    InlineDiff::spans(InlineDiff::segments(left, right, ignoreWhitespace), &l, &r);
    return Test::markSpans(left, l, u"[-", u"-]") + QStringLiteral(" => ") + Test::markSpans(right, r, u"{+", u"+}");
}

} // namespace

class TestInlineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spans_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<bool>("ignoreWhitespace");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *l, const char *r, bool ignore, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(l) << QString::fromUtf8(r) << ignore
                                << QString::fromUtf8(expected);
        };
        row("one word", "refund 10 EUR", "refund 12 EUR", false, "refund [-10-] EUR => refund {+12+} EUR");
        row("whole words", "the lazy dog", "the sleepy dog", false, "the [-lazy-] dog => the {+sleepy+} dog");
        row("character edit", "colour", "color", false, "colo[-u-]r => color");
        row("words alike by letters only", "FROM users", "FROM customers", false,
            "FROM [-users-] => FROM {+customers+}");
        row("adjacent changes merge across spaces", "a foo bar b", "a baz qux b", false,
            "a [-foo bar-] b => a {+baz qux+} b");
        row("insertion", "call(a)", "call(a, b)", false, "call(a) => call(a{+, b+})");
        row("deletion", "x = f(1) + g(2);", "x = f(1);", false, "x = f(1)[- + g(2)-]; => x = f(1);");
        row("indentation shown", "  return;", "    return;", false, "[-  -]return; => {+    +}return;");
        row("indentation ignored", "  return a;", "    return  b;", true, "  return [-a-]; =>     return  {+b+};");
        row("equal but whitespace", "a  b", "a b", true, "a  b => a b");
        row("surrogate pair", "ok 😀 ok", "ok 😃 ok", false, "ok [-😀-] ok => ok {+😃+} ok");
        row("supplementary letters", "\U0001D400x", "\U0001D400y", false, "[-\U0001D400x-] => {+\U0001D400y+}");
        row("combining mark stays", "cafe\u0301s", "cafes", false, "caf[-e\u0301-]s => caf{+e+}s");
        row("unrelated lines", "return computeTotal(order.items);", "print(\"hello world\")", false,
            "[-return computeTotal(order.items);-] => {+print(\"hello world\")+}");
        row("carriage return", "end\r", "end", false, "end[-\r-] => end");
        row("identical", "same", "same", false, "same => same");
    }

    void spans()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(bool, ignoreWhitespace);
        QFETCH(QString, expected);
        QCOMPARE(render(left, right, ignoreWhitespace), expected);
    }

    // Segments tile both lines; equal segments hold equal text; no span cuts a surrogate pair.
    void segmentsCoverBothLines()
    {
        Test::RandomText random(4242);
        for (int i = 0; i < 3000; ++i) {
            const QString left = random.line();
            QString right = random.line();
            if (i % 2)
                right = left.left(random.random().bounded(int(left.size()) + 1)) + random.line();
            const bool ignore = i % 3 == 0;
            const QList<InlineSegment> segments = InlineDiff::segments(left, right, ignore);
            int l = 0;
            int r = 0;
            for (const InlineSegment &s : segments) {
                QCOMPARE(s.leftStart, l);
                QCOMPARE(s.rightStart, r);
                const QStringView ls = QStringView(left).sliced(s.leftStart, s.leftLength);
                const QStringView rs = QStringView(right).sliced(s.rightStart, s.rightLength);
                if (s.equal && !ignore)
                    QCOMPARE(ls, rs);
                for (const int edge : {s.leftStart, s.leftStart + s.leftLength}) {
                    if (edge > 0 && edge < left.size())
                        QVERIFY(!(left.at(edge - 1).isHighSurrogate() && left.at(edge).isLowSurrogate()));
                }
                for (const int edge : {s.rightStart, s.rightStart + s.rightLength}) {
                    if (edge > 0 && edge < right.size())
                        QVERIFY(!(right.at(edge - 1).isHighSurrogate() && right.at(edge).isLowSurrogate()));
                }
                l += s.leftLength;
                r += s.rightLength;
            }
            QCOMPARE(l, int(left.size()));
            QCOMPARE(r, int(right.size()));
            const bool anyChange = std::any_of(segments.cbegin(), segments.cend(), [](const InlineSegment &s) {
                return !s.equal;
            });
            if (!ignore)
                QCOMPARE(anyChange, left != right);
        }
    }

    void longLinesStayBounded()
    {
        // Two unrelated 200k-character lines: refined in bounded time, still tiling both.
        QString left;
        QString right;
        for (int i = 0; i < 40'000; ++i) {
            left += QStringLiteral("w%1 ").arg(i % 997);
            right += QStringLiteral("w%1 ").arg((i * 7) % 991);
        }
        QElapsedTimer timer;
        timer.start();
        const QList<InlineSegment> segments = InlineDiff::segments(left, right);
        QVERIFY2(timer.elapsed() < Test::timeLimit(5000), qPrintable(QString::number(timer.elapsed())));
        int l = 0;
        for (const InlineSegment &s : segments)
            l += s.leftLength;
        QCOMPARE(l, int(left.size()));
    }

    void pairing()
    {
        auto views = [](const QStringList &list) {
            return std::vector<QStringView>(list.cbegin(), list.cend());
        };
        // The edited line faces its new version; the inserted and deleted lines face nothing.
        const QStringList removed{QStringLiteral("log(\"start\");"), QStringLiteral("total = price * quantity;")};
        const QStringList added{QStringLiteral("total = price * quantity * rate;"), QStringLiteral("audit(total);")};
        QCOMPARE(LinePairing::pair(views(removed), views(added)), (std::vector<int>{-1, 0}));
        // Unrelated lines in the same place still face each other.
        const QStringList a{QStringLiteral("alpha"), QStringLiteral("beta")};
        const QStringList b{QStringLiteral("one"), QStringLiteral("two")};
        QCOMPARE(LinePairing::pair(views(a), views(b)), (std::vector<int>{0, 1}));
        QCOMPARE(LinePairing::similarity(u"  same text", u"same text  "), 1.0);
        QVERIFY(LinePairing::similarity(u"completely", u"different") < 0.4);
    }
};

QTEST_GUILESS_MAIN(TestInlineDiff)
#include "tst_inlinediff.moc"
