#include "policy/policy.h"
#include "testresult.h"

#include <QTest>

using namespace Countersign;

namespace {

const QByteArray Document = R"({
  "version": 3,
  "categories": {
    "finance": {"sla": "1h", "expires_after": "1d", "on_expiry": "expire"},
    "communications": {"sla": "4h", "expires_after": "1d", "on_expiry": "expire"}
  },
  "action_types": {
    "refund.issue": {"category": "finance", "tier": "review"},
    "refund.partial": {"category": "finance", "tier": "auto"},
    "email.send_external": {"category": "communications", "tier": "review"},
    "email.send_internal": {"category": "communications", "tier": "auto"},
    "report.file?": {"category": "communications", "tier": "auto"}
  },
  "prohibitions": [
    {"when": {"type": "refund.issue", "confidence_below": 0.2, "context.amount_above": 1000},
     "reason": "big refunds need a sure agent"}
  ],
  "rules": [
    {"when": {"type": ["refund.*", "payout.send"], "confidence_below": 0.8}, "tier": "review", "reason": "money"},
    {"when": {"category": ["communications"], "confidence_below": 0.6}, "tier": "review", "reason": "words"},
    {"when": {"type": "report.file?", "confidence_below": 0.9}, "tier": "review", "reason": "literal ?"},
    {"when": {"type": "email.send_internal", "context.recipient_count_above": 50, "confidence_below": 0.95},
     "tier": "review", "reason": "mass mail"}
  ]
})";

} // namespace

// The line on the reviewer's confidence meter comes from the policy engine's own matching:
// list-valued types and categories, `*` as the only wildcard, context conditions evaluated.
class TestConfidenceThreshold : public QObject
{
    Q_OBJECT

private:
    Policy m_policy;

    std::optional<double> threshold(const QString &type, const QJsonObject &context = {})
    {
        ActionFacts facts;
        facts.type = type;
        facts.confidence = 0.99; // the action's own confidence plays no part
        facts.context = context;
        return m_policy.confidenceThreshold(facts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto parsed = Policy::parse(Document);
        CS_VERIFY_OK(parsed);
        m_policy = *parsed;
    }

    void listsOfTypesAndCategoriesMatch()
    {
        QCOMPARE(threshold(QStringLiteral("refund.partial")), std::optional<double>(0.8));
        QCOMPARE(threshold(QStringLiteral("email.send_external")), std::optional<double>(0.6));
    }

    void theHighestApplyingLineWins()
    {
        // The prohibition's 0.2 needs a big amount; the money rule's 0.8 applies either way.
        QCOMPARE(
            threshold(QStringLiteral("refund.issue"), {{QStringLiteral("amount"), 5000}}), std::optional<double>(0.8));
    }

    void contextConditionsAreEvaluated()
    {
        QCOMPARE(threshold(QStringLiteral("email.send_internal")), std::optional<double>(0.6));
        QCOMPARE(threshold(QStringLiteral("email.send_internal"), {{QStringLiteral("recipient_count"), 80}}),
            std::optional<double>(0.95));
    }

    void onlyTheStarIsAWildcard()
    {
        QCOMPARE(threshold(QStringLiteral("report.file?")), std::optional<double>(0.9));
        QCOMPARE(threshold(QStringLiteral("report.files")), std::optional<double>()); // unknown type, no rule
    }
};

QTEST_GUILESS_MAIN(TestConfidenceThreshold)
#include "tst_confidencethreshold.moc"
