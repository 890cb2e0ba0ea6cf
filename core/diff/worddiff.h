#pragma once

#include "filediff.h"

namespace Countersign {

// The word-diff form of a FileDiff, like `git diff --word-diff`: unified headers and hunk
// ranges, context lines as they are, and changes inline as [-removed-]{+added+}.
class WordDiff
{
public:
    static QString write(const FileDiff &diff, bool ignoreWhitespace = false);
};

} // namespace Countersign
