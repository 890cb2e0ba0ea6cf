// Drives the real reviewer app against a running server and saves screenshots of the main
// window, batch review and history windows. scripts/screenshots.sh runs it under Xvfb against
// a demo server; the pictures go to docs/screenshots/.
#include "cli/claudehookrequest.h"
#include "client/serverconnection.h"
#include "diff/diffwidget.h"
#include "history/historywindow.h"
#include "i18n/translations.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/shortcutsdialog.h"
#include "queue/batchdialog.h"
#include "queue/queuemodel.h"
#include "queue/queuepanel.h"
#include "review/patchview.h"
#include "review/reviewpane.h"
#include "server/demoactions.h"
#include "style/thememanager.h"
#include "testresult.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTextCursor>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <functional>
#include <tuple>

using namespace Countersign;

namespace {

void pump(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool save(QWidget *w, const QString &dir, const QString &name)
{
    pump(300);
    const QString path = dir + u'/' + name;
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "saved" : "FAILED", qPrintable(path));
    std::fflush(stdout);
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("countersign-screenshots"));
    QApplication::setOrganizationName(QStringLiteral("Countersign"));
    if (argc < 4) {
        std::fprintf(stderr, "usage: screenshottour SERVER-URL DEMO-TOKENS-JSON OUTPUT-DIR\n");
        return 2;
    }
    const QUrl url(QString::fromLocal8Bit(argv[1]));
    QFile tokens(QString::fromLocal8Bit(argv[2]));
    if (!tokens.open(QIODevice::ReadOnly))
        return 2;
    const QJsonObject tokenSet
        = QJsonDocument::fromJson(tokens.readAll()).object().value(QLatin1String("tokens")).toObject();
    const QString token = tokenSet.value(QLatin1String("lead")).toString();
    const QString out = QString::fromLocal8Bit(argv[3]);
    QDir().mkpath(out);
    // Variants: COUNTERSIGN_TOUR_SIZE=1366x768, COUNTERSIGN_TOUR_LANG=de, COUNTERSIGN_TOUR_THEME=dark,
    // COUNTERSIGN_TOUR_SUFFIX=-de (added to every file name).
    const QString suffix = qEnvironmentVariable("COUNTERSIGN_TOUR_SUFFIX");
    const QString language = qEnvironmentVariable("COUNTERSIGN_TOUR_LANG", QStringLiteral("en"));
    Translations::install(app, QLocale(language));
    if (qEnvironmentVariable("COUNTERSIGN_TOUR_THEME") == QLatin1String("dark"))
        QApplication::setPalette(ThemeManager::darkPalette());
    const QStringList size = qEnvironmentVariable("COUNTERSIGN_TOUR_SIZE", QStringLiteral("1440x900")).split(u'x');
    auto name = [&suffix](const char *base) {
        return QLatin1String(base) + suffix + QStringLiteral(".png");
    };

    QFile::remove(QDir::temp().filePath(QStringLiteral("countersign-tour-history%1.db").arg(suffix)));
    MainWindow window(QDir::temp().filePath(QStringLiteral("countersign-tour-history%1.db").arg(suffix)));
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.show();
    window.connectToServer(url, token);
    if (!QTest::qWaitFor(
            [&] {
                return window.queuePanel()->model()->rowCount() >= 5;
            },
            20000)) {
        std::fprintf(stderr, "the queue did not load\n");
        return 1;
    }
    window.session()->setUndoWindow(0);
    // A customer email: the Modify picture below adds a sentence to it (the patch and the
    // Claude Code Edit have pictures of their own).
    QueueModel *queue = window.queuePanel()->model();
    QString pick = queue->action(0).id;
    for (int r = 0; r < queue->rowCount(); ++r) {
        if (queue->action(r).payload.language == QLatin1String("email")) {
            pick = queue->action(r).id;
            break;
        }
    }
    window.queuePanel()->selectId(pick);
    window.session()->open(pick, true); // opened on purpose: claimed
    std::ignore = QTest::qWaitFor( // best effort: the shot is taken either way
        [&] {
            return window.session()->holdsClaim(pick);
        },
        5000);
    save(&window, out, name("main-window"));
    window.action(QStringLiteral("actionShortcuts"))->trigger();
    pump(300);
    if (auto *shortcuts = window.findChild<ShortcutsDialog *>()) {
        save(shortcuts, out, name("shortcuts"));
        shortcuts->reject();
    }

    // Modify: the reviewer's edit next to the AI draft.
    window.action(QStringLiteral("actionModify"))->trigger();
    pump(300);
    if (auto *editor = window.reviewPane()->diffWidget()->findChild<QPlainTextEdit *>(QStringLiteral("diffEditor"))) {
        QTextCursor c = editor->textCursor();
        c.movePosition(QTextCursor::Start);
        c.movePosition(QTextCursor::NextBlock, QTextCursor::MoveAnchor, 8); // lines, not wrapped rows
        c.insertText(QStringLiteral("Please allow two business days for the refund to arrive.\n"));
        editor->setTextCursor(c);
    }
    pump(800);
    save(&window, out, name("modify"));
    window.action(QStringLiteral("actionApprove"))->trigger();
    pump(500);

    // An agent submits, as the demo feed or a hook does; the reviewer opens it once it is queued.
    ServerConnection agent;
    agent.setServer(url, tokenSet.value(QLatin1String("agent")).toString());
    const auto submit = [&](const QJsonObject &body) {
        const auto submitted
            = Test::await(agent.sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions"), body), 5000);
        if (!submitted || !*submitted)
            return QString();
        return (*submitted)->value(QLatin1String("id")).toString();
    };
    const auto open = [&](const QString &id) {
        if (id.isEmpty()
            || !QTest::qWaitFor(
                [&] {
                    return queue->findAction(id) != nullptr;
                },
                10000))
            return false;
        window.queuePanel()->selectId(id);
        window.session()->open(id, true);
        std::ignore = QTest::qWaitFor( // best effort: the shot is taken either way
            [&] {
                return window.session()->holdsClaim(id);
            },
            5000);
        return true;
    };

    // A coding agent's multi-file patch: the file list, and a file's hunks. The demo's, or one
    // like it when none is pending.
    QString patchId;
    for (int r = 0; r < queue->rowCount() && patchId.isEmpty(); ++r) {
        if (queue->action(r).payload.language == QLatin1String("diff"))
            patchId = queue->action(r).id;
    }
    if (patchId.isEmpty()) {
        QRandomGenerator random(18);
        patchId = submit(DemoActions::make(QStringLiteral("code.merge_patch"), random, 4).body);
    }
    if (open(patchId)) {
        if (window.reviewPane()->isShowingPatch())
            window.reviewPane()->patchView()->setCurrentFile(0);
        pump(800);
        save(&window, out, name("patch-review"));
    } else {
        std::fprintf(stderr, "no patch to show\n");
    }

    // A Claude Code Edit, submitted as its PreToolUse hook submits one (title with the file path,
    // original = old_string, content = new_string, the language from the extension): the review
    // opens on the proposed change.
    const QJsonObject hookInput{{QStringLiteral("session_id"), QStringLiteral("tour-session")},
        {QStringLiteral("transcript_path"), QStringLiteral("/home/ada/.claude/projects/billing/tour.jsonl")},
        {QStringLiteral("cwd"), QStringLiteral("/home/ada/projects/billing")},
        {QStringLiteral("hook_event_name"), QStringLiteral("PreToolUse")},
        {QStringLiteral("tool_name"), QStringLiteral("Edit")},
        {QStringLiteral("tool_input"),
            QJsonObject{
                {QStringLiteral("file_path"), QStringLiteral("/home/ada/projects/billing/src/billing/retry.py")},
                {QStringLiteral("old_string"),
                    QStringLiteral("    for attempt in range(attempts):\n        try:\n"
                                   "            return gateway.charge(invoice)\n        except TimeoutError:\n"
                                   "            time.sleep(1)\n    raise ChargeFailed(invoice.id)\n")},
                {QStringLiteral("new_string"),
                    QStringLiteral("    for attempt in range(attempts):\n        try:\n"
                                   "            return gateway.charge(invoice, idempotency_key=invoice.id)\n"
                                   "        except TimeoutError:\n"
                                   "            # back off so a slow gateway is not hammered\n"
                                   "            time.sleep(2 ** attempt)\n    raise ChargeFailed(invoice.id)\n")},
                {QStringLiteral("replace_all"), false}}},
        {QStringLiteral("tool_use_id"), QStringLiteral("toolu_tour_edit_retry")}}; // one action for all variants
    const auto hook = Cli::ClaudeHookRequest::parse(QJsonDocument(hookInput).toJson());
    const QString editId = hook
        ? submit(hook->submitBody(QStringLiteral("Retries re-sent the charge without an idempotency key.")))
        : QString();
    if (open(editId)) {
        pump(800);
        save(&window, out, name("claude-edit"));
    } else {
        std::fprintf(stderr, "the Claude Code Edit was not submitted\n");
    }

    // Batch review over everything in view.
    window.queuePanel()->view()->selectAll();
    window.action(QStringLiteral("actionBatch"))->trigger();
    pump(300);
    if (auto *batch = window.findChild<BatchDialog *>()) {
        save(batch, out, name("batch-review"));
        batch->reject();
    }

    window.action(QStringLiteral("actionHistory"))->trigger();
    pump(300);
    if (auto *history = window.findChild<HistoryWindow *>()) {
        history->verifyChain();
        save(history, out, name("history"));
    }
    return 0;
}
