#pragma once

#include <QtGlobal>

namespace Countersign {

struct DiffOptions {
    // Unchanged lines shown around each change; -1 puts the whole file in one hunk (the review
    // pane shows everything and folds unchanged runs itself).
    int contextLines = 3;
    // Compare lines (and words) with all whitespace removed, like `diff -w`. Lines that differ
    // only in whitespace become Context rows; such a diff is for reading, not for patching.
    bool ignoreWhitespace = false;
    // Mark the changed words (characters within short words) of Changed rows.
    bool refineWords = true;
    // Work budget of the line diff, in Myers steps (diagonals visited plus lines compared), about
    // 0.1-0.2 s. With a budget, a region whose search grows past sqrt(lines) edits is split at
    // the furthest point reached (as xdiff does), and once the budget is spent the remaining
    // regions are reported as plain replacements: still a correct diff, no longer minimal,
    // computed in bounded time (shuffled input included). <= 0: no limit, always minimal, but
    // quadratic on pathological input.
    qint64 costLimit = 40'000'000;
};

} // namespace Countersign
