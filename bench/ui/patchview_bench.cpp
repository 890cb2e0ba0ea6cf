// The patch view on a big multi-file patch, on the offscreen platform: a git-style patch of 50
// files and about 10,000 lines (C++-like sources, each file's changes spread over it). Measures
// PatchSet::parse, the first paint of the review pane showing it (parse, file list, first file
// highlighted and painted) and switching files (Next File, then the patch view repainted: the
// new file's hunks on screen). Goals: first paint < 200 ms, switching files < 16 ms (one frame).
// Wall and GUI-thread CPU time are printed side by side: on a loaded machine the wall time also
// counts the waits for a core.
#include "diff/differ.h"
#include "diff/diffwidget.h"
#include "diff/patchset.h"
#include "diff/syntaxrepository.h"
#include "diff/unifieddiff.h"
#include "review/patchview.h"
#include "review/reviewpane.h"

#include "../benchstats.h"
#include "benchclock.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Countersign;
using Bench::median;
using namespace Countersign::Bench;

namespace {

QStringList source(int file, int lines)
{
    QStringList out;
    Lcg rng{4242};
    rng.state += quint32(file);
    int n = 0;
    out << QStringLiteral("#include \"service%1.h\"").arg(file) << QString() << QStringLiteral("namespace Billing {")
        << QString();
    while (out.size() < lines) {
        out << QStringLiteral("int Service%1::handle%2(const Request &request, int retries)").arg(file).arg(n)
            << QStringLiteral("{")
            << QStringLiteral("    // Validate the request before touching the ledger (%1).").arg(rng.next(1000))
            << QStringLiteral("    const auto amount = request.amount() * %1;").arg(rng.next(100))
            << QStringLiteral("    if (amount > m_limit%1 && !request.approved())").arg(rng.next(9))
            << QStringLiteral("        return fail(\"refund over limit\", %1);").arg(rng.next(600))
            << QStringLiteral("    return m_ledger.post(request.account(), amount, u\"batch-%1\"_s);").arg(n)
            << QStringLiteral("}") << QString();
        ++n;
    }
    out.resize(lines);
    return out;
}

QStringList edited(QStringList lines, int edits, quint32 seed)
{
    Lcg rng{4242};
    rng.state = seed;
    for (int i = 0; i < edits; ++i) {
        const int at = int(rng.next(quint32(lines.size())));
        if (i % 4 == 3)
            lines.insert(at, QStringLiteral("    audit.log(\"inserted %1\");").arg(i));
        else
            lines[at] = lines.at(at) + QStringLiteral(" // reviewed");
    }
    return lines;
}

QString text(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// 50 files, each about `perFile` patch lines; git's headers included.
QString bigPatch(int files, int perFile)
{
    QString patch;
    for (int f = 0; f < files; ++f) {
        const QStringList old = source(f, 1200);
        const QString path = QStringLiteral("src/billing/service%1.cpp").arg(f);
        QString body;
        for (int edits = 10; edits < 400; edits += 2) {
            FileDiff diff = Differ::diff(text(old), text(edited(old, edits, 99 + quint32(f))));
            diff.setLeftName(QStringLiteral("a/") + path);
            diff.setRightName(QStringLiteral("b/") + path);
            body = UnifiedDiff::write(diff);
            if (body.count(u'\n') >= perFile)
                break;
        }
        patch += QStringLiteral("diff --git a/%1 b/%1\nindex 1234567..89abcde 100644\n").arg(path) + body;
    }
    return patch;
}

void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
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
    SyntaxRepository::repository();

    const QString patch = bigPatch(50, 200);
    QElapsedTimer timer;
    timer.start();
    const auto set = PatchSet::parse(patch);
    const double parseMs = ms(timer);
    if (!set) {
        std::printf("patchview_bench: the generated patch does not parse: %s\n", qPrintable(set.error().message));
        return 1;
    }
    std::printf("patchview_bench: %lld files, %lld patch lines (+%d -%d), offscreen platform\n",
        qlonglong(set->files().size()), qlonglong(patch.count(u'\n')), set->addedCount(), set->removedCount());
    std::printf("  PatchSet::parse                   %8.1f ms\n", parseMs);

    Action action;
    action.id = QStringLiteral("bench");
    action.type = QStringLiteral("code.merge_patch");
    action.title = QStringLiteral("A big patch");
    action.payload.content = patch;
    action.payload.language = QStringLiteral("diff");
    action.createdAt = QDateTime::currentDateTimeUtc();

    constexpr int Runs = 5;
    QList<double> firstPaints;
    QList<double> firstPaintsCpu;
    QList<double> switches;
    QList<double> switchesCpu;
    QList<double> shows;
    QList<double> paints;
    double worstSwitch = 0;
    for (int run = 0; run < Runs + 1; ++run) {
        ReviewPane pane;
        pane.resize(1400, 900);
        pane.show();
        QCoreApplication::processEvents();
        double cpu = threadCpuMs();
        timer.restart();
        pane.showAction(action, 0.8);
        pane.repaint(); // synchronous: file list, first file laid out, highlighted and painted
        const double first = ms(timer);
        const double firstCpu = threadCpuMs() - cpu;
        if (run == 0)
            continue; // the first pane pays for font and style setup once
        firstPaints << first;
        firstPaintsCpu << firstCpu;
        PatchView *view = pane.patchView();
        for (int f = 1; f < view->fileCount(); ++f) {
            cpu = threadCpuMs();
            timer.restart();
            view->goToNextFile();
            shows << ms(timer);
            QElapsedTimer paint;
            paint.start();
            view->repaint(); // what a file switch changes: the list's current row and the diff
            paints << ms(paint);
            const double t = ms(timer);
            switches << t;
            switchesCpu << threadCpuMs() - cpu;
            worstSwitch = qMax(worstSwitch, t);
        }
    }
    std::printf("  first paint of the review pane    %8.1f ms (median of %d, best %.1f; GUI-thread CPU %.1f ms); "
                "goal < 200 ms\n",
        median(firstPaints), Runs, *std::min_element(firstPaints.cbegin(), firstPaints.cend()), median(firstPaintsCpu));
    std::printf("  switching files (Next File+paint) %8.2f ms (median of %lld: show %.2f + paint %.2f; max %.2f; "
                "GUI-thread CPU %.2f ms); goal < 16 ms\n",
        median(switches), qlonglong(switches.size()), median(shows), median(paints), worstSwitch, median(switchesCpu));
    return 0;
}
