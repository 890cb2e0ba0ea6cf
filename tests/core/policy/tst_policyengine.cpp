#include "policy/policyengine.h"
#include "testresult.h"

#include "testdata.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace Countersign;

namespace {

QByteArray example()
{
    QFile file(Test::sourcePath(QStringLiteral("examples/policy.json")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ActionFacts bigRefund()
{
    ActionFacts f;
    f.type = QStringLiteral("refund.issue");
    f.context = QJsonObject{{QStringLiteral("amount"), 9000}};
    return f;
}

} // namespace

class TestPolicyEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithTheEmptyPolicy()
    {
        PolicyEngine engine;
        QCOMPARE(engine.policy().version(), 0);
        const PolicyEvaluation e = engine.evaluate(bigRefund());
        QCOMPARE(e.tier, Tier::Review);
        QVERIFY(e.unassigned);
    }

    void loadsAndEvaluates()
    {
        PolicyEngine engine;
        const auto loaded = engine.load(example());
        CS_VERIFY_OK(loaded);
        QCOMPARE(engine.policy().version(), 1);
        QCOMPARE(engine.policy().document(), example());
        const PolicyEvaluation e = engine.evaluate(bigRefund());
        QCOMPARE(e.tier, Tier::Prohibited);
        QCOMPARE(e, engine.policy().evaluate(bigRefund()));
    }

    void invalidPolicyKeepsThePreviousOne()
    {
        PolicyEngine engine;
        QVERIFY(engine.load(example()));
        const QByteArray before = engine.policy().document();

        QByteArray broken = example();
        broken.replace("\"expire\"", "\"approve\""); // approval on expiry without the opt-in
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("policy refused")));
        const auto refused = engine.load(broken);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(refused.error().field, QStringLiteral("categories.finance.on_expiry"));
        QCOMPARE(engine.policy().document(), before);
        QCOMPARE(engine.evaluate(bigRefund()).tier, Tier::Prohibited);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("policy refused")));
        QVERIFY(!engine.load("{"));
        QCOMPARE(engine.policy().version(), 1);
    }

    void reloadReplacesThePolicy()
    {
        PolicyEngine engine;
        QVERIFY(engine.load(example()));
        const Policy old = engine.policy();
        QVERIFY(engine.load(Test::readData(QStringLiteral("policy/policies/unassigned-named.json"))));
        QCOMPARE(engine.policy().version(), 2);
        // refund.issue is not in the new policy, which prohibits unknown types
        const PolicyEvaluation e = engine.evaluate(bigRefund());
        QCOMPARE(e.tier, Tier::Prohibited);
        QVERIFY(e.unassigned);
        QCOMPARE(e.category, QStringLiteral("triage"));
        // a copy taken earlier still evaluates under the old policy
        QCOMPARE(old.version(), 1);
        QVERIFY(!old.evaluate(bigRefund()).unassigned);
    }

    void demoPolicyLoads()
    {
        const QByteArray demo = PolicyEngine::demoPolicy();
        QVERIFY(!demo.isEmpty());
        PolicyEngine engine;
        const auto loaded = engine.load(demo);
        CS_VERIFY_OK(loaded);
        QVERIFY(engine.policy().knowsType(QStringLiteral("code.merge_patch")));
    }

    // Several threads evaluate while another keeps swapping policies (including refused ones):
    // every evaluation sees one whole policy, never a mix or a half-loaded one.
    void concurrentReadsDuringReloads()
    {
        PolicyEngine engine;
        QVERIFY(engine.load(example()));
        const QByteArray full = Test::readData(QStringLiteral("policy/policies/full.json"));
        const QByteArray demo = PolicyEngine::demoPolicy();
        std::atomic<bool> stop{false};
        std::atomic<int> bad{0};
        std::atomic<qint64> evaluations{0};

        auto reader = [&] {
            ActionFacts query;
            query.type = QStringLiteral("db.query");
            query.context = QJsonObject{{QStringLiteral("sql"), QStringLiteral("truncate table audit")}};
            while (!stop.load()) {
                const PolicyEvaluation refund = engine.evaluate(bigRefund());
                if (refund.tier != Tier::Prohibited || refund.category != QLatin1String("finance"))
                    ++bad;
                const Policy p = engine.policy();
                const PolicyEvaluation q = p.evaluate(query);
                // the example does not know db.query; full and demo prohibit truncation
                const bool consistent = p.knowsType(query.type) ? q.tier == Tier::Prohibited : q.unassigned;
                if (!consistent)
                    ++bad;
                evaluations += 2;
            }
        };
        std::thread a(reader);
        std::thread b(reader);
        const QList<QByteArray> documents{full, demo, example(), QByteArray("{\"version\": 1}")};
        const int rounds = 400;
        for (int i = 0; i < rounds / documents.size(); ++i) // one warning per refused document
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("policy refused")));
        for (int i = 0; i < rounds; ++i) {
            const bool refusable = i % documents.size() == documents.size() - 1;
            if (engine.load(documents.at(i % documents.size())).has_value() == refusable)
                ++bad;
        }
        stop = true;
        a.join();
        b.join();
        QCOMPARE(bad.load(), 0);
        QVERIFY(evaluations.load() > 0);
    }
};

QTEST_GUILESS_MAIN(TestPolicyEngine)
#include "tst_policyengine.moc"
