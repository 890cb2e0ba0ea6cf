#pragma once

#include <QList>

#include <functional>
#include <span>
#include <vector>

namespace Countersign {

// A run of changed elements: [leftStart, leftStart + leftCount) replaced by
// [rightStart, rightStart + rightCount). Either count may be 0.
struct DiffChange {
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;
};

// Diff of two id sequences (internal to the diff engine): the common head and tail are trimmed,
// elements with no equal on the other side are set aside (they can only be changes; this is what
// keeps a lightly edited million-line file fast), and Myers runs on what remains.
class SequenceDiff
{
public:
    struct Result {
        std::vector<char> changedA; // 1 = not part of the common subsequence
        std::vector<char> changedB;
        bool approximate = false;
        bool canceled = false;
    };

    // Ids are in [0, idCount). costLimit as in DiffOptions; isCanceled may be null.
    static Result run(std::span<const int> a, std::span<const int> b, int idCount, qint64 costLimit,
        const std::function<bool()> *isCanceled);

    // The changes the flags describe, in order.
    static QList<DiffChange> changes(const std::vector<char> &changedA, const std::vector<char> &changedB);
};

} // namespace Countersign
