// Times the diff engine against `git diff --no-index` on the same generated files, through
// countersign-cli (a process, like git) and through the library (read + diff + format, in a
// child process of this program so its peak RSS is its own). Prints times, ratios to git and
// peak RSS. Usage: diff_bench [--runs N] [--cli PATH]
#include "diff/differ.h"
#include "diff/unifieddiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

using namespace Countersign;

namespace {

struct Scenario {
    QString left;
    QString right;
};

const char *const Words[] = {"alpha", "beta", "gamma", "delta", "order", "refund", "customer", "amount", "status",
    "pending", "approve", "reject", "policy", "action", "review", "deadline", "payload", "reviewer", "queue", "token",
    "event", "store", "commit", "update", "select", "insert", "where", "value", "result", "compute", "total", "items",
    "price", "discount", "tax"};
constexpr int WordCount = int(sizeof(Words) / sizeof(Words[0]));

// Code-like lines of 40-80 characters, nearly all distinct.
QString makeLine(QRandomGenerator &rng, int i)
{
    auto w = [&] {
        return QLatin1StringView(Words[rng.bounded(WordCount)]);
    };
    switch (rng.bounded(4)) {
    case 0:
        return QStringLiteral("    %1_%2 = %3(%4, %5 + %6);").arg(w()).arg(i).arg(w(), w(), w()).arg(rng.bounded(1000));
    case 1:
        return QStringLiteral("    if (%1.%2() > %3) // %4 %5").arg(w(), w()).arg(rng.bounded(100000)).arg(w(), w());
    case 2:
        return QStringLiteral("        return %1->%2(\"%3\", %4);").arg(w(), w(), w()).arg(i);
    default:
        return QStringLiteral("    %1 %2 %3 %4 %5 = %6;").arg(w(), w(), w(), w(), w()).arg(i * 7 % 100003);
    }
}

// A small edit inside the line: one word or number replaced.
QString editLine(QRandomGenerator &rng, const QString &line)
{
    QStringList parts = line.split(u' ');
    const int at = 1 + rng.bounded(int(parts.size()) - 1);
    parts[at] = QLatin1StringView(Words[rng.bounded(WordCount)]) + QString::number(rng.bounded(100));
    return parts.join(u' ');
}

QString joinLines(const QStringList &lines)
{
    return lines.join(u'\n') + u'\n';
}

Scenario edited(int lines, int edits, quint32 seed)
{
    QRandomGenerator rng(seed);
    QStringList left;
    left.reserve(lines);
    for (int i = 0; i < lines; ++i)
        left.append(makeLine(rng, i));
    QStringList right = left;
    std::vector<int> order(static_cast<size_t>(lines));
    for (int i = 0; i < lines; ++i)
        order[size_t(i)] = i;
    std::shuffle(order.begin(), order.end(), std::mt19937(seed));
    for (int k = 0; k < edits; ++k)
        right[order[size_t(k)]] = editLine(rng, right.at(order[size_t(k)]));
    return Scenario{joinLines(left), joinLines(right)};
}

Scenario shuffled(int lines, quint32 seed)
{
    QRandomGenerator rng(seed);
    QStringList left;
    for (int i = 0; i < lines; ++i)
        left.append(makeLine(rng, i));
    QStringList right = left;
    std::shuffle(right.begin(), right.end(), std::mt19937(seed));
    return Scenario{joinLines(left), joinLines(right)};
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
}

// Wall time of one run through QProcess, output discarded.
double timeProcess(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(300'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() > 1) {
        std::fprintf(stderr, "%s failed (exit %d)\n", qPrintable(program), p.exitCode());
        return -1;
    }
    return double(t.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct ChildRun {
    long maxRssKb = -1;
    QByteArray out;
};

// One run with its own peak RSS (wait4 reports it; QProcess does not), stdout captured.
ChildRun runForRss(const QString &program, const QStringList &args)
{
    ChildRun run;
    QByteArray outPath = QFile::encodeName(QDir::tempPath() + QStringLiteral("/diff_bench_child.out"));
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        rusage usage{};
        if (wait4(pid, &status, 0, &usage) == pid)
            run.maxRssKb = usage.ru_maxrss;
    }
    posix_spawn_file_actions_destroy(&actions);
    QFile out(QString::fromLocal8Bit(outPath));
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    out.remove();
    return run;
}

// Child mode: the library path on two files; prints "total_ms diff_ms added removed approximate
// output_bytes". Line mode formats the unified diff, as git and the CLI do; word mode builds the
// refined model the review pane shows (intra-line spans on every changed pair).
int libraryRun(const QString &leftPath, const QString &rightPath, bool word)
{
    QElapsedTimer t;
    t.start();
    QFile lf(leftPath);
    QFile rf(rightPath);
    if (!lf.open(QIODevice::ReadOnly) || !rf.open(QIODevice::ReadOnly))
        return 2;
    const QString left = QString::fromUtf8(lf.readAll());
    const QString right = QString::fromUtf8(rf.readAll());
    QElapsedTimer d;
    d.start();
    DiffOptions options;
    options.refineWords = word;
    const FileDiff diff = Differ::diff(left, right, options);
    const double diffMs = double(d.nsecsElapsed()) / 1e6;
    const QByteArray out = word ? QByteArray() : UnifiedDiff::write(diff).toUtf8();
    const double totalMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("%.2f %.2f %d %d %d %lld\n", totalMs, diffMs, diff.addedCount(), diff.removedCount(),
        diff.isApproximate() ? 1 : 0, qint64(out.size()));
    return 0;
}

Scenario scenario(int k)
{
    switch (k) {
    case 0:
        return edited(100'000, 1'000, 1);
    case 1:
        return edited(1'000'000, 10, 2);
    case 2:
        return shuffled(100'000, 3);
    default:
        return edited(100'000, 50'000, 4);
    }
}

// Child mode: writes the scenario's two files.
int generate(int k, const QString &leftPath, const QString &rightPath)
{
    const Scenario s = scenario(k);
    return writeFile(leftPath, s.left) && writeFile(rightPath, s.right) ? 0 : 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args.at(1) == u"--library")
        return libraryRun(args.at(2), args.at(3), args.size() > 4 && args.at(4) == u"--word");
    if (args.size() == 5 && args.at(1) == u"--generate")
        return generate(args.at(2).toInt(), args.at(3), args.at(4));

    int runs = 3;
    QString cli = QStringLiteral(COUNTERSIGN_CLI_PATH);
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == u"--runs")
            runs = qMax(1, args.at(i + 1).toInt());
        else if (args.at(i) == u"--cli")
            cli = args.at(i + 1);
    }
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;

    std::printf("diff_bench: median of %d runs; ratio = time / git's time (lower is better)\n", runs);
    std::printf("%-34s %9s %9s %7s %9s %7s %9s  %s\n", "scenario", "git ms", "cli ms", "ratio", "lib ms", "ratio",
        "diff ms", "peak RSS MB git/cli/lib");
    std::fflush(stdout);

    const char *goals[] = {"goal <= 1.0x git", "goal <= 1.0x git", "goal bounded < 1 s", "goal <= 1.5x git"};
    const char *names[]
        = {"100k lines, 1% edited", "1M lines, 10 edits", "100k lines shuffled", "100k lines, 50% edited, word diff"};
    for (int k = 0; k < 4; ++k) {
        const QString a = dir.filePath(QStringLiteral("left-%1.txt").arg(k));
        const QString b = dir.filePath(QStringLiteral("right-%1.txt").arg(k));
        // Generated by a child, so this process stays small: a spawned child starts its peak
        // RSS count from its parent's.
        if (runForRss(app.applicationFilePath(), {QStringLiteral("--generate"), QString::number(k), a, b}).maxRssKb < 0)
            return 2;
        const bool word = k == 3;

        QStringList gitArgs{QStringLiteral("diff"), QStringLiteral("--no-index")};
        QStringList cliArgs{QStringLiteral("diff")};
        QStringList libArgs{QStringLiteral("--library"), a, b};
        if (word) {
            gitArgs << QStringLiteral("--word-diff");
            cliArgs << QStringLiteral("--word");
            libArgs << QStringLiteral("--word");
        }
        gitArgs << a << b;
        cliArgs << a << b;

        std::vector<double> git;
        std::vector<double> tool;
        std::vector<double> lib;
        std::vector<double> diffOnly;
        QByteArray libLine;
        for (int r = 0; r < runs; ++r) {
            git.push_back(timeProcess(QStringLiteral("git"), gitArgs));
            tool.push_back(timeProcess(cli, cliArgs));
            const ChildRun child = runForRss(app.applicationFilePath(), libArgs);
            const QList<QByteArray> f = child.out.trimmed().split(' ');
            if (f.size() >= 2) {
                lib.push_back(f.at(0).toDouble());
                diffOnly.push_back(f.at(1).toDouble());
                libLine = child.out.trimmed();
            }
        }
        const double g = median(git);
        const double c = median(tool);
        const double l = median(lib);
        const long rssGit = runForRss(QStringLiteral("git"), gitArgs).maxRssKb;
        const long rssCli = runForRss(cli, cliArgs).maxRssKb;
        const long rssLib = runForRss(app.applicationFilePath(), libArgs).maxRssKb;
        std::printf("%-34s %9.1f %9.1f %6.2fx %9.1f %6.2fx %9.1f  %ld/%ld/%ld   (%s)\n", names[k], g, c, c / g, l,
            l / g, median(diffOnly), rssGit / 1024, rssCli / 1024, rssLib / 1024, goals[k]);
        const QList<QByteArray> f = libLine.split(' ');
        if (f.size() >= 6)
            std::printf("%-34s added %s, removed %s, approximate %s, output %s bytes\n", "", f.at(2).constData(),
                f.at(3).constData(), f.at(4).constData(), f.at(5).constData());
        std::fflush(stdout);
    }
    rusage self{};
    getrusage(RUSAGE_SELF, &self);
    std::printf("peak RSS of this process (each child starts counting from it): %ld MB\n", self.ru_maxrss / 1024);
    return 0;
}
