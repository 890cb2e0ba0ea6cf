// The policy document parser (PUT /v1/policy, --policy FILE), and the engine on what it accepts.
#include "fuzzinput.h"

#include "policy/policy.h"

#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Countersign;
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto policy = Policy::parse(json);
    const QList<Error> problems = Policy::validate(json);
    // parse() and validate() agree: parse reports the first problem validate finds.
    COUNTERSIGN_FUZZ_CHECK(bool(policy) == problems.isEmpty());
    if (!policy) {
        COUNTERSIGN_FUZZ_CHECK(policy.error().field == problems.first().field);
        return 0;
    }
    COUNTERSIGN_FUZZ_CHECK(policy->document() == json);
    // Every named type evaluates, with and without context, and lands in a known category.
    const QStringList types = policy->actionTypeNames();
    for (const QString &type : types.mid(0, 8)) {
        for (double confidence : {0.0, 0.5, 1.0}) {
            ActionFacts facts{type, {}, confidence, QJsonObject{{QStringLiteral("amount"), 1e6}}};
            const PolicyEvaluation e = policy->evaluate(facts);
            COUNTERSIGN_FUZZ_CHECK(policy->categoryNames().contains(e.category) || e.category.isEmpty());
        }
    }
    (void)policy->evaluate(ActionFacts{QStringLiteral("not.named"), QStringLiteral("x"), 0.1, {}});
    return 0;
}
