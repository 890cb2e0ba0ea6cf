#pragma once

#include "diffoptions.h"
#include "filediff.h"

#include <functional>

namespace Countersign {

// Computes the diff of two texts: lines interned to ids, common head and tail trimmed, Myers
// (linear space, cost-capped) on the rest, changes slid to readable positions, hunks built and
// changed line pairs refined to words (on the thread pool as well when there are thousands).
// Synchronous and thread-safe; see DiffJob to run it off the GUI thread.
class Differ
{
public:
    // isCanceled is polled during the search; once it returns true the remaining work is cut
    // short (the diff stays correct but coarse; callers that cancel discard it anyway).
    static FileDiff diff(const QString &left, const QString &right, const DiffOptions &options = {},
        const std::function<bool()> &isCanceled = {});
};

} // namespace Countersign
