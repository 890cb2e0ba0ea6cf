// The diff view on big inputs, on the offscreen platform: time to first paint of a 10k-line
// highlighted Python diff (~2% of lines edited) in both views, against a 100-line diff measured
// the same way (painting visible rows only should make them close); frame times while
// scrolling through it; the re-diff latency after a keystroke in the editable mode on a
// 5k-line payload; resident memory. Goals: first paint < 200 ms, no visible lag while typing.
#include "diff/diffdocument.h"
#include "diff/diffeditor.h"
#include "diff/diffpane.h"
#include "diff/diffwidget.h"
#include "diff/editablediffview.h"
#include "diff/sidebysidediffview.h"
#include "diff/syntaxrepository.h"
#include "diff/unifieddiffview.h"

#include "diff/differ.h"

#include "../benchstats.h"
#include "benchclock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Countersign;
using Bench::median;
using namespace Countersign::Bench;

namespace {

qint64 statusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key(field);
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Python source of `lines` lines: classes, functions, docstrings, strings, comments.
QStringList pythonSource(int lines)
{
    QStringList out;
    Lcg rng{12345};
    int n = 0;
    while (out.size() < lines) {
        if (n % 40 == 0) {
            out << QStringLiteral("class Service%1(BaseService):").arg(n)
                << QStringLiteral("    \"\"\"Handles batch %1 of the nightly refunds.\"\"\"").arg(n) << QString();
        }
        out << QStringLiteral("    def handle_%1(self, request, retries=%2):").arg(n).arg(rng.next(5))
            << QStringLiteral("        # Validate the request before touching the ledger (%1).").arg(rng.next(1000))
            << QStringLiteral("        amount = Decimal(request.get(\"amount\", \"0\")) * %1").arg(rng.next(100))
            << QStringLiteral("        if amount > self.limit_%1 and not request.approved:").arg(rng.next(9))
            << QStringLiteral("            raise LimitExceeded(f\"refund {amount} over limit\", code=%1)")
                   .arg(rng.next(600))
            << QStringLiteral("        return self.ledger.post(request.account, amount, tag='batch-%1')").arg(n)
            << QString();
        ++n;
    }
    out.resize(lines);
    return out;
}

// Edits ~percent of the lines: changes, deletions and insertions spread over the file.
QStringList edited(QStringList lines, double percent)
{
    Lcg rng{12345};
    rng.state = 987654;
    const int edits = int(lines.size() * percent / 100.0);
    for (int i = 0; i < edits; ++i) {
        const int at = int(rng.next(quint32(lines.size())));
        switch (i % 5) {
        case 0:
        case 1:
        case 2:
            lines[at] = lines.at(at) + QStringLiteral("  # reviewed");
            break;
        case 3:
            lines.removeAt(at);
            break;
        default:
            lines.insert(at, QStringLiteral("        audit.log(\"inserted %1\")").arg(i));
            break;
        }
    }
    return lines;
}

QString text(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

struct FirstPaint {
    double setDiff = 0;
    double paint = 0;
    double total() const { return setDiff + paint; }
};

FirstPaint firstPaint(const FileDiff &diff, DiffWidget::Mode mode, const QString &language = QStringLiteral("python"))
{
    DiffWidget widget;
    widget.resize(1400, 900);
    widget.setLanguage(language); // prose wraps: every row's wrapped height is computed
    widget.setMode(mode);
    widget.show();
    QCoreApplication::processEvents();
    FirstPaint result;
    QElapsedTimer timer;
    timer.start();
    widget.setDiff(diff);
    result.setDiff = ms(timer);
    timer.restart();
    widget.repaint(); // synchronous: lays out, highlights and paints the visible rows
    result.paint = ms(timer);
    return result;
}

bool waitFor(DiffWidget &widget, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&widget, &DiffWidget::diffUpdated, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return timeout.isActive();
}

void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The offscreen platform's note on every shown window says nothing about the view.
    if (message.contains(QLatin1String("propagateSizeHints")))
        return;
    qt_message_output(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietHandler);
    QApplication app(argc, argv);

    QElapsedTimer timer;
    timer.start();
    SyntaxRepository::repository();
    const double repositoryMs = ms(timer);
    const qint64 rssStart = statusKiB("VmRSS:");

    const QStringList bigLeft = pythonSource(10000);
    const QStringList bigRight = edited(bigLeft, 2.0);
    const QStringList smallLeft = pythonSource(100);
    const QStringList smallRight = edited(smallLeft, 2.0);
    DiffOptions options; // 3 lines of context, as the view asks for
    timer.restart();
    const FileDiff big = Differ::diff(text(bigLeft), text(bigRight), options);
    const double diffMs = ms(timer);
    const FileDiff small = Differ::diff(text(smallLeft), text(smallRight), options);

    std::printf("diffview_bench: %lld-line Python file, %d lines added / %d removed (offscreen platform)\n",
        qlonglong(bigLeft.size()), big.addedCount(), big.removedCount());
    std::printf("  syntax repository load            %8.1f ms (once per process)\n", repositoryMs);
    std::printf("  Differ::diff                      %8.1f ms (on a worker thread in the app)\n", diffMs);

    // Warm-up: the first widget pays for font and style setup once.
    firstPaint(small, DiffWidget::Mode::SideBySide);
    for (const DiffWidget::Mode mode : {DiffWidget::Mode::SideBySide, DiffWidget::Mode::Unified}) {
        const char *name = mode == DiffWidget::Mode::SideBySide ? "side-by-side" : "unified";
        FirstPaint bigPaint;
        FirstPaint smallPaint;
        constexpr int Runs = 5;
        QList<double> bigTotals;
        QList<double> smallTotals;
        for (int run = 0; run < Runs; ++run) {
            const FirstPaint b = firstPaint(big, mode);
            const FirstPaint s = firstPaint(small, mode);
            bigTotals << b.total();
            smallTotals << s.total();
            if (run == 0 || b.total() < bigPaint.total())
                bigPaint = b;
            if (run == 0 || s.total() < smallPaint.total())
                smallPaint = s;
        }
        std::printf("  first paint, %-12s 10k lines %8.1f ms (setDiff %.1f + paint %.1f; median of %d %.1f); "
                    "100 lines %.1f ms; ratio %.2fx; goal < 200 ms\n",
            name, bigPaint.total(), bigPaint.setDiff, bigPaint.paint, Runs, median(bigTotals), smallPaint.total(),
            median(bigTotals) / qMax(0.001, median(smallTotals)));
    }

    // Word wrap: 10k lines of prose (every third line a 400-character paragraph), wrapped
    // (markdown) against the same text unwrapped.
    {
        QStringList proseLeft;
        for (int i = 0; i < 10000; ++i) {
            proseLeft << (i % 3 == 0
                    ? QStringLiteral("Paragraph %1: ").arg(i) + QStringLiteral("lorem ipsum dolor ").repeated(22)
                    : QStringLiteral("A short line of prose, number %1.").arg(i));
        }
        const FileDiff prose = Differ::diff(text(proseLeft), text(edited(proseLeft, 2.0)), options);
        for (const DiffWidget::Mode mode : {DiffWidget::Mode::SideBySide, DiffWidget::Mode::Unified}) {
            QList<double> wrapped;
            QList<double> unwrapped;
            for (int run = 0; run < 3; ++run) {
                wrapped << firstPaint(prose, mode, QStringLiteral("markdown")).total();
                unwrapped << firstPaint(prose, mode, QStringLiteral("python")).total();
            }
            std::printf("  first paint, %-12s 10k lines of prose: wrapped %.1f ms, unwrapped %.1f ms (medians of 3)\n",
                mode == DiffWidget::Mode::SideBySide ? "side-by-side" : "unified", median(wrapped), median(unwrapped));
        }
    }

    // Scrolling the 10k-line diff, every row unfolded (the worst case): a jump to the end
    // first, then random jumps, then wheel steps. Highlighting restarts at every hunk, so with
    // hunks of 3 context lines a jump only highlights the hunk it lands in; a diff made as one
    // whole-file hunk must highlight everything above the target once.
    for (const int context : {3, -1}) {
        DiffOptions scrollOptions;
        scrollOptions.contextLines = context;
        const FileDiff scrolled = Differ::diff(text(bigLeft), text(bigRight), scrollOptions);
        DiffWidget widget;
        widget.resize(1400, 900);
        widget.setLanguage(QStringLiteral("python"));
        widget.setDiff(scrolled);
        widget.show();
        QCoreApplication::processEvents();
        widget.sideBySideView()->expandAll();
        widget.repaint();
        DiffPane *pane = widget.sideBySideView()->rightPane();
        QScrollBar *bar = pane->verticalScrollBar();
        timer.restart();
        bar->setValue(bar->maximum());
        widget.sideBySideView()->repaint();
        const double toEnd = ms(timer);

        // The same jump once the idle-time highlighting has gone through the file.
        double idleMs = 0;
        double toEndWarm = 0;
        {
            DiffWidget warm;
            warm.resize(1400, 900);
            warm.setLanguage(QStringLiteral("python"));
            warm.setDiff(scrolled);
            warm.show();
            const DiffDocument *document = warm.document();
            const auto done = [document](DiffSide side) {
                return document->highlighter(side).highlightedLineCount() == document->highlighter(side).lineCount();
            };
            timer.restart();
            while (!done(DiffSide::Left) || !done(DiffSide::Right))
                QCoreApplication::processEvents();
            idleMs = ms(timer);
            warm.sideBySideView()->expandAll();
            warm.repaint();
            QScrollBar *warmBar = warm.sideBySideView()->rightPane()->verticalScrollBar();
            timer.restart();
            warmBar->setValue(warmBar->maximum());
            warm.sideBySideView()->repaint();
            toEndWarm = ms(timer);
        }
        QList<double> frames;
        double cpu = threadCpuMs();
        for (int i = 0; i < 200; ++i) {
            timer.restart();
            bar->setValue(int(qint64(bar->maximum()) * ((i * 37) % 200) / 200));
            widget.sideBySideView()->repaint();
            frames << ms(timer);
        }
        const double framesCpu = (threadCpuMs() - cpu) / 200;
        QList<double> steps;
        bar->setValue(bar->maximum() / 2);
        cpu = threadCpuMs();
        for (int i = 0; i < 100; ++i) {
            timer.restart();
            bar->setValue(bar->value() + 3);
            widget.sideBySideView()->repaint();
            steps << ms(timer);
        }
        const double stepsCpu = (threadCpuMs() - cpu) / 100;
        std::printf("  scrolling %d rows, %s: jump to the end %.1f ms cold, %.1f ms after the idle-time "
                    "highlighting (done %.0f ms after showing); 200 random jumps median %.2f ms (max %.2f, "
                    "GUI-thread CPU %.2f ms each); 100 wheel steps median %.2f ms (max %.2f, CPU %.2f ms each)\n",
            widget.sideBySideView()->model().rowCount(),
            context < 0 ? "one whole-file hunk" : "hunks of 3 context lines", toEnd, toEndWarm, idleMs, median(frames),
            *std::max_element(frames.cbegin(), frames.cend()), framesCpu, median(steps),
            *std::max_element(steps.cbegin(), steps.cend()), stepsCpu);
    }

    // Editable mode, 5k lines: the keystroke itself (what the reviewer feels) and the time from
    // the end of the debounce to the new diff on screen.
    {
        const QString payload = text(pythonSource(5000));
        DiffWidget widget;
        widget.resize(1400, 900);
        widget.setLanguage(QStringLiteral("python"));
        widget.setEditable(true);
        widget.show();
        QCoreApplication::processEvents();
        widget.setTexts(payload, payload);
        waitFor(widget, 10000);
        widget.repaint();
        DiffEditor *editor = widget.editableView()->editor();
        editor->setFocus();
        QList<double> keystrokes;
        QList<double> repaints;
        QList<double> repaintCpu;
        QList<double> latencies;
        Lcg rng{12345};
        for (int i = 0; i < 20; ++i) {
            QTextCursor cursor(editor->document()->findBlockByNumber(int(rng.next(5000))));
            cursor.movePosition(QTextCursor::EndOfBlock);
            editor->setTextCursor(cursor);
            QKeyEvent press(QEvent::KeyPress, Qt::Key_X, Qt::NoModifier, QStringLiteral("x"));
            QKeyEvent release(QEvent::KeyRelease, Qt::Key_X, Qt::NoModifier, QStringLiteral("x"));
            QElapsedTimer since; // the debounce timer starts with the keystroke
            since.start();
            timer.restart();
            QApplication::sendEvent(editor, &press);
            QApplication::sendEvent(editor, &release);
            keystrokes << ms(timer);
            timer.restart();
            const double cpuBefore = threadCpuMs();
            widget.editableView()->repaint();
            repaints << ms(timer);
            repaintCpu << threadCpuMs() - cpuBefore;
            if (!waitFor(widget, 10000)) {
                std::printf("  editable: no diff after a keystroke\n");
                return 1;
            }
            widget.editableView()->repaint(); // the new diff on screen
            latencies << ms(since) - DiffWidget::RediffDelayMs;
        }
        std::printf("  editable, 5000 lines: keystroke handled in median %.2f ms (max %.2f), repainted in %.2f ms "
                    "(max %.2f, GUI-thread CPU %.2f); new diff on screen %.1f ms (max %.1f) after the %d ms "
                    "debounce\n",
            median(keystrokes), *std::max_element(keystrokes.cbegin(), keystrokes.cend()), median(repaints),
            *std::max_element(repaints.cbegin(), repaints.cend()), median(repaintCpu), median(latencies),
            *std::max_element(latencies.cbegin(), latencies.cend()), DiffWidget::RediffDelayMs);
    }

    std::printf("  RSS: %.1f MB after loading the repository, %.1f MB now, peak %.1f MB\n", rssStart / 1024.0,
        statusKiB("VmRSS:") / 1024.0, statusKiB("VmHWM:") / 1024.0);
    return 0;
}
