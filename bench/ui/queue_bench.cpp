// Queue view with 100k pending items: time to load into the model and view, to filter and to
// sort, and the process's resident memory. Goals: load < 300 ms after data arrives,
// filter < 50 ms, RSS < 300 MB.
#include "benchclock.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTreeView>

#include <cstdio>

using namespace Countersign;
using namespace Countersign::Bench;

namespace {

qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QList<Action> generate(int n)
{
    static const char *types[] = {"email.send_external", "refund.issue", "code.merge_patch", "db.query", "shell.run"};
    static const char *cats[] = {"communications", "finance", "engineering", "data", "operations"};
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-7200);
    QList<Action> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Action a;
        a.id = QStringLiteral("act-%1").arg(i, 7, 10, QLatin1Char('0'));
        a.type = QLatin1String(types[i % 5]);
        a.category = QLatin1String(cats[i % 5]);
        a.title = QStringLiteral("Proposed action %1 for customer %2").arg(i).arg(i * 7919 % 100000);
        a.agent = QStringLiteral("agent-%1").arg(i % 17);
        a.confidence = (i * 37 % 100) / 100.0;
        a.createdAt = t0.addMSecs(qint64(i) * 50);
        a.slaDueAt = a.createdAt.addSecs(3600);
        a.payload.content = QStringLiteral("payload %1").arg(i);
        out.append(a);
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv(
        "QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const qint64 rssStart = rssKiB();
    QList<Action> data = generate(n);
    const qint64 rssData = rssKiB();

    QueueModel model;
    // The same view settings as the main window's queue.
    QTreeView view;
    view.setRootIsDecorated(false);
    view.setUniformRowHeights(true);
    view.setAllColumnsShowFocus(true);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    if (!qEnvironmentVariableIsSet("NOVIEW"))
        view.setModel(&model);
    view.setSortingEnabled(true);
    view.sortByColumn(QueueModel::AgeColumn, Qt::AscendingOrder);
    view.header()->setSectionResizeMode(QHeaderView::Interactive);
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();

    QElapsedTimer t;
    t.start();
    model.resetActions(std::move(data));
    view.grab(); // forces layout and one paint
    const double load = ms(t);

    t.restart();
    QueueFilter f;
    f.text = QStringLiteral("customer 42");
    model.setFilter(f);
    view.grab();
    const double filter = ms(t);
    const int matches = model.rowCount();

    t.restart();
    f = {};
    f.category = QStringLiteral("finance");
    model.setFilter(f);
    view.grab();
    const double category = ms(t);

    t.restart();
    model.setFilter({});
    view.sortByColumn(QueueModel::ConfidenceColumn, Qt::DescendingOrder);
    view.grab();
    const double sort = ms(t);

    t.restart();
    for (int i = 0; i < 1000; ++i) {
        Action a = model.action((i * 97) % (model.rowCount() - 1));
        a.state = ActionState::Approved;
        model.upsert(a);
    }
    view.grab();
    const double removals = ms(t);

    std::printf("queue_bench: %d pending items\n", n);
    std::printf("  load into model + view : %8.1f ms   (goal < 300 ms)\n", load);
    std::printf("  text filter            : %8.1f ms   (goal < 50 ms, %d matches)\n", filter, matches);
    std::printf("  category filter        : %8.1f ms\n", category);
    std::printf("  re-sort by confidence  : %8.1f ms\n", sort);
    std::printf("  1000 live removals     : %8.1f ms  (%.3f ms each)\n", removals, removals / 1000);
    std::printf("  RSS                    : %8.1f MB   (goal < 300 MB; %.1f MB before data, %.1f MB with data)\n",
        rssKiB() / 1024.0, rssStart / 1024.0, rssData / 1024.0);

    // The same data through the reviewer's QueuePanel: the group model between the model and
    // the view, the anchored view, the new-row marks; flat and grouped by category.
    QStandardPaths::setTestModeEnabled(true); // the panel keeps its columns in QSettings
    QueueModel panelModel;
    QueuePanel panel(&panelModel);
    panel.resize(1200, 800);
    panel.show();
    QApplication::processEvents();
    QList<Action> again = generate(n);
    t.restart();
    panelModel.resetActions(std::move(again));
    panel.grab();
    std::printf("  panel: load            : %8.1f ms\n", ms(t));
    panel.view()->verticalScrollBar()->setValue(panel.view()->verticalScrollBar()->maximum() / 2);
    for (const auto grouping : {QueueModel::Grouping::None, QueueModel::Grouping::Category}) {
        const char *mode = grouping == QueueModel::Grouping::None ? "flat   " : "grouped";
        t.restart();
        panel.setGrouping(grouping);
        panel.grab();
        std::printf("  panel %s: grouping  : %8.1f ms\n", mode, ms(t));
        t.restart();
        f = {};
        f.text = QStringLiteral("customer 42");
        panelModel.setFilter(f);
        panel.grab();
        panelModel.setFilter({});
        panel.grab();
        std::printf("  panel %s: filter+clear: %6.1f ms\n", mode, ms(t));
        t.restart();
        const QDateTime t0 = panelModel.oldestCreatedAt();
        for (int i = 0; i < 1000; ++i) { // spread over the queue, so most land above the viewport
            Action a = panelModel.action((i * 97) % (panelModel.rowCount() - 1));
            a.id = QStringLiteral("new-%1-%2").arg(int(grouping)).arg(i);
            a.createdAt = t0.addMSecs(qint64(i) * 7000 % 7200000);
            a.version = 1;
            panelModel.upsert(a);
        }
        panel.grab();
        const double inserts = ms(t);
        std::printf("  panel %s: 1000 inserts: %6.1f ms  (%.3f ms each)\n", mode, inserts, inserts / 1000);
        t.restart();
        for (int i = 0; i < 1000; ++i) {
            Action a = panelModel.action((i * 89) % (panelModel.rowCount() - 1));
            a.state = ActionState::Approved;
            a.version += 1;
            panelModel.upsert(a);
        }
        panel.grab();
        const double removed = ms(t);
        std::printf("  panel %s: 1000 removals: %5.1f ms  (%.3f ms each)\n", mode, removed, removed / 1000);
        t.restart();
        for (int i = 0; i < 1000; ++i)
            (void)panelModel.oldestCreatedAt();
        std::printf("  panel %s: 1000 × oldestCreatedAt(): %.3f ms\n", mode, ms(t));
    }
    std::printf("  RSS with the panel     : %8.1f MB\n", rssKiB() / 1024.0);
    return 0;
}
