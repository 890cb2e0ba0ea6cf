// The JSON request bodies of every route, through the functions the routes call
// (RequestBodies, and the policy parser behind PUT /v1/policy). The first byte picks the body.
#include "fuzzinput.h"

#include "policy/policy.h"
#include "server/jsonbody.h"
#include "server/requestbodies.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Countersign;
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 8) {
    case 0: {
        const auto r = RequestBodies::submit(body);
        if (r) {
            // What was accepted is within the limits the request promises.
            COUNTERSIGN_FUZZ_CHECK(!r->type.isEmpty() && r->type.size() <= 128);
            COUNTERSIGN_FUZZ_CHECK(r->confidence >= 0 && r->confidence <= 1);
            COUNTERSIGN_FUZZ_CHECK(r->idempotencyKey.isEmpty() || r->requestHash.size() == 64);
        } else {
            COUNTERSIGN_FUZZ_CHECK(!r.error().message.isEmpty());
        }
        break;
    }
    case 1: {
        const auto r = RequestBodies::decision(body);
        if (r) {
            COUNTERSIGN_FUZZ_CHECK(r->outcome != Outcome::Modify || r->payload.has_value());
            COUNTERSIGN_FUZZ_CHECK(r->outcome != Outcome::Reject || !r->reason.trimmed().isEmpty());
            COUNTERSIGN_FUZZ_CHECK(r->reviewer.isEmpty()); // never from the body
        }
        break;
    }
    case 2: {
        const auto r = RequestBodies::batch(body);
        if (r) {
            COUNTERSIGN_FUZZ_CHECK(!r->ids.isEmpty() && r->ids.size() <= RequestBodies::MaxBatch);
            COUNTERSIGN_FUZZ_CHECK(r->decision.outcome != Outcome::Modify);
            COUNTERSIGN_FUZZ_CHECK(r->decision.reviewer.isEmpty());
        }
        break;
    }
    case 3: {
        const auto r = RequestBodies::claimLease(body);
        if (r && r->has_value())
            COUNTERSIGN_FUZZ_CHECK(**r >= 10 && **r <= 24 * 3600);
        break;
    }
    case 4: {
        const auto r = RequestBodies::reassign(body);
        if (r)
            COUNTERSIGN_FUZZ_CHECK(!r->isEmpty() && r->size() <= 200);
        break;
    }
    case 5: {
        const auto r = RequestBodies::token(body);
        if (r)
            COUNTERSIGN_FUZZ_CHECK(!r->name.isEmpty() && r->name.size() <= 64);
        break;
    }
    case 6: {
        // PUT /v1/policy: the shape check first, then the policy parser.
        if (JsonBody::parseObject(body))
            (void)Policy::parse(body);
        break;
    }
    default: {
        const auto r = JsonBody::parseObject(body, true);
        if (r)
            COUNTERSIGN_FUZZ_CHECK(JsonBody::isValidUtf8(JsonBody::canonical(*r)));
        break;
    }
    }
    return 0;
}
