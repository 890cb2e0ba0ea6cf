#pragma once

#include <QtGlobal>

#include <functional>
#include <span>
#include <vector>

namespace Countersign {

// Myers' O(ND) difference algorithm in linear space (internal to the diff engine): finds a
// middle snake, splits, and works on the two halves, with an explicit stack instead of
// recursion.
//
// With a cost limit, a split whose search passes max(256, sqrt(N+M)) edit steps settles for the
// furthest-reaching path found (as xdiff does), and once the whole budget is spent the remaining
// regions are marked as replaced outright. Both keep the result a correct diff, computed in
// bounded time; only minimality is given up.
class MyersDiff
{
public:
    struct Outcome {
        bool approximate = false; // a heuristic split or the budget cut in
        bool canceled = false;
        qint64 cost = 0;
    };

    // changedA/changedB must be zeroed and as long as a/b; elements outside the common
    // subsequence found are set to 1.
    MyersDiff(std::span<const int> a, std::span<const int> b, std::span<char> changedA, std::span<char> changedB);

    // <= 0: no limit, exact (minimal) result.
    void setCostLimit(qint64 limit) { m_limit = limit; }
    // Polled every few ten thousand steps; returning true abandons the search (the regions left
    // are marked replaced, so the flags still describe a correct diff).
    void setCancelCheck(const std::function<bool()> *isCanceled) { m_isCanceled = isCanceled; }

    Outcome run();

private:
    struct Box {
        int x0, x1, y0, y1;
        bool exact;
    };
    struct Split {
        int x, y;
        bool exactLow, exactHigh;
    };

    Split split(const Box &box);
    bool outOfBudget();
    void markRange(std::span<char> flags, int from, int to);

    std::span<const int> m_a;
    std::span<const int> m_b;
    std::span<char> m_changedA;
    std::span<char> m_changedB;
    std::vector<int> m_forward; // furthest x reached on each diagonal k = x - y
    std::vector<int> m_backward;
    int m_diagonalOffset = 0;
    int m_maxCost = 0;
    qint64 m_limit = 0;
    qint64 m_used = 0;
    qint64 m_nextCancelCheck = 0;
    const std::function<bool()> *m_isCanceled = nullptr;
    bool m_approximate = false;
    bool m_canceled = false;
};

} // namespace Countersign
