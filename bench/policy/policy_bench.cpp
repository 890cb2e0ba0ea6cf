// Policy evaluation benchmark: the property test's generator at 1M sequences, then the cost of
// evaluation on fixed policies, measured side by side in one run.
#include "policysimulation.h"

#include "policy/policyengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <thread>

using namespace Countersign;

namespace {

QTextStream out(stdout);

QList<ActionFacts> sampleFacts()
{
    auto facts = [](const char *type, double confidence, QJsonObject context) {
        ActionFacts f;
        f.type = QLatin1String(type);
        f.confidence = confidence;
        f.context = std::move(context);
        return f;
    };
    return {
        facts("email.send_internal", 0.95, {{QStringLiteral("recipient_count"), 4}}),
        facts("email.send_external", 0.6, {}),
        facts("refund.issue", 0.9, {{QStringLiteral("amount"), 120}}),
        facts("refund.issue", 0.9,
            {{QStringLiteral("amount"), 9000},
                {QStringLiteral("customer"), QJsonObject{{QStringLiteral("flagged"), false}}}}),
        facts("db.query", 0.99, {{QStringLiteral("sql"), QStringLiteral("select * from orders where id = 7")}}),
        facts("db.query", 0.99, {{QStringLiteral("sql"), QStringLiteral("DELETE FROM users WHERE id = 1")}}),
        facts("shell.run", 0.8,
            {{QStringLiteral("command"), QStringLiteral("ls -la /srv")},
                {QStringLiteral("host"), QStringLiteral("web-1")}}),
        facts("crm.note", 0.9, {}),
    };
}

// Evaluations per second of `evaluate` over the sample facts, `count` times in all.
template<typename Evaluate>
double rate(qint64 count, const QList<ActionFacts> &facts, Evaluate evaluate)
{
    QElapsedTimer timer;
    timer.start();
    qint64 prohibited = 0;
    for (qint64 i = 0; i < count; ++i)
        prohibited += evaluate(facts.at(i % facts.size())).tier == Tier::Prohibited;
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (prohibited < 0) // keeps the loop from being optimised away
        out << "";
    return count / seconds;
}

// Copies that share no reference-counted data with the originals.
QList<ActionFacts> deepCopy(const QList<ActionFacts> &facts)
{
    QList<ActionFacts> copies;
    for (const ActionFacts &f : facts) {
        ActionFacts c;
        c.type = QString(f.type.constData(), f.type.size());
        c.categoryHint = QString(f.categoryHint.constData(), f.categoryHint.size());
        c.confidence = f.confidence;
        c.context = QJsonDocument::fromJson(QJsonDocument(f.context).toJson()).object();
        copies.append(c);
    }
    return copies;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const quint32 seed = 20260504u;
    const qint64 sequences = app.arguments().size() > 1 ? app.arguments().at(1).toLongLong() : 1'000'000;

    out << "policy_bench: seed " << seed << ", " << sequences << " sequences\n";
    QElapsedTimer timer;
    timer.start();
    const PolicySimulation::Stats stats = PolicySimulation(seed).run(sequences);
    const double total = timer.nsecsElapsed() / 1e9;
    out << "  " << stats.summary() << "\n";
    out << QStringLiteral("  simulation: %1 s, %2 sequences/s, %3 evaluations/s overall\n")
               .arg(total, 0, 'f', 2)
               .arg(stats.sequences / total, 0, 'f', 0)
               .arg(stats.evaluations / total, 0, 'f', 0);
    out << QStringLiteral("  inside Policy::evaluate: %1 evaluations/s (%2 ns each, %3% of the run)\n")
               .arg(stats.evaluations / (stats.evaluationNanoseconds / 1e9), 0, 'f', 0)
               .arg(double(stats.evaluationNanoseconds) / stats.evaluations, 0, 'f', 0)
               .arg(100.0 * stats.evaluationNanoseconds / 1e9 / total, 0, 'f', 1);
    out << QStringLiteral("  Policy::parse of generated policies: %1 parses/s (%2 us each)\n")
               .arg(stats.policiesParsed / (stats.parseNanoseconds / 1e9), 0, 'f', 0)
               .arg(stats.parseNanoseconds / 1e3 / stats.policiesParsed, 0, 'f', 1);
    out.flush();

    // Fixed policies, fixed facts: what one evaluation costs and what the engine's lock adds.
    const QList<ActionFacts> facts = sampleFacts();
    const qint64 n = 1'000'000;
    const auto demo = Policy::parse(PolicyEngine::demoPolicy());
    const auto example = Policy::parse(readFile(QStringLiteral(COUNTERSIGN_SOURCE_DIR "/examples/policy.json")));
    if (!demo || !example) {
        out << "cannot parse the demo or example policy\n";
        return 1;
    }
    PolicyEngine engine;
    engine.setPolicy(*demo);

    const double exampleRate = rate(n, facts, [&](const ActionFacts &f) {
        return example->evaluate(f);
    });
    const double demoRate = rate(n, facts, [&](const ActionFacts &f) {
        return demo->evaluate(f);
    });
    const double engineRate = rate(n, facts, [&](const ActionFacts &f) {
        return engine.evaluate(f);
    });
    out << QStringLiteral("  example policy (2 rules):                  %1 evaluations/s\n")
               .arg(exampleRate, 0, 'f', 0);
    out << QStringLiteral("  demo policy (3 prohibitions, 7 rules):     %1 evaluations/s (%2x the example's time)\n")
               .arg(demoRate, 0, 'f', 0)
               .arg(exampleRate / demoRate, 0, 'f', 2);
    out << QStringLiteral("  PolicyEngine::evaluate on demo (locked):   %1 evaluations/s (%2x Policy::evaluate)\n")
               .arg(engineRate, 0, 'f', 0)
               .arg(engineRate / demoRate, 0, 'f', 2);

    // Two threads at once. Each gets its own deep copy of the facts, so that what is shared
    // between them is only what the server would share: the policy (and the engine's lock).
    const auto twoThreads = [&](auto evaluate) {
        const QList<ActionFacts> copy = deepCopy(facts);
        QElapsedTimer both;
        both.start();
        std::thread other([&] {
            rate(n, copy, evaluate);
        });
        rate(n, facts, evaluate);
        other.join();
        return 2.0 * n / (both.nsecsElapsed() / 1e9);
    };
    const double policyTwo = twoThreads([&](const ActionFacts &f) {
        return demo->evaluate(f);
    });
    const double engineTwo = twoThreads([&](const ActionFacts &f) {
        return engine.evaluate(f);
    });
    out << QStringLiteral("  Policy::evaluate on demo, 2 threads:       %1 evaluations/s (%2x one thread)\n")
               .arg(policyTwo, 0, 'f', 0)
               .arg(policyTwo / demoRate, 0, 'f', 2);
    out << QStringLiteral("  PolicyEngine::evaluate on demo, 2 threads: %1 evaluations/s (%2x one thread)\n")
               .arg(engineTwo, 0, 'f', 0)
               .arg(engineTwo / engineRate, 0, 'f', 2);
    out.flush();

    const double parseRate = [&] {
        const QByteArray doc = PolicyEngine::demoPolicy();
        QElapsedTimer t;
        t.start();
        const int parses = 2000;
        for (int i = 0; i < parses; ++i) {
            if (!Policy::parse(doc))
                return 0.0;
        }
        return parses / (t.nsecsElapsed() / 1e9);
    }();
    out << QStringLiteral("  Policy::parse of the demo policy:          %1 parses/s (regular expressions are\n"
                          "    compiled and JIT-compiled at load)\n")
               .arg(parseRate, 0, 'f', 0);

    if (stats.violations != 0) {
        out << "VIOLATIONS:\n  " << stats.firstViolations.join(QStringLiteral("\n  ")) << "\n";
        return 1;
    }
    return 0;
}
