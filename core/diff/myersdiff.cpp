#include "myersdiff.h"

#include <climits>
#include <cmath>

namespace Countersign {

namespace {

constexpr qint64 CancelCheckInterval = 1 << 16;
constexpr int MinHeuristicCost = 256;

} // namespace

MyersDiff::MyersDiff(std::span<const int> a, std::span<const int> b, std::span<char> changedA, std::span<char> changedB)
    : m_a(a)
    , m_b(b)
    , m_changedA(changedA)
    , m_changedB(changedB)
{ }

void MyersDiff::markRange(std::span<char> flags, int from, int to)
{
    for (int i = from; i < to; ++i)
        flags[size_t(i)] = 1;
}

bool MyersDiff::outOfBudget()
{
    if (m_canceled)
        return true;
    if (m_isCanceled && *m_isCanceled && m_used >= m_nextCancelCheck) {
        m_nextCancelCheck = m_used + CancelCheckInterval;
        if ((*m_isCanceled)()) {
            m_canceled = true;
            return true;
        }
    }
    return m_limit > 0 && m_used >= m_limit;
}

MyersDiff::Outcome MyersDiff::run()
{
    const int n = int(m_a.size());
    const int m = int(m_b.size());
    m_used = 0;
    m_nextCancelCheck = CancelCheckInterval;
    m_approximate = false;
    m_canceled = false;

    const bool exact = m_limit <= 0;
    m_maxCost = exact ? INT_MAX : qMax(MinHeuristicCost, int(std::sqrt(double(n) + double(m))));
    // Diagonals run from -m-1 to n+1 (the searches peek one past each end).
    m_diagonalOffset = m + 1;
    m_forward.assign(size_t(n) + size_t(m) + 3, 0);
    m_backward.assign(size_t(n) + size_t(m) + 3, 0);

    std::vector<Box> stack;
    stack.push_back(Box{0, n, 0, m, exact});
    while (!stack.empty()) {
        Box box = stack.back();
        stack.pop_back();
        // Trim the common head and tail: the searches below assume they differ at both ends.
        const int x0 = box.x0;
        while (box.x0 < box.x1 && box.y0 < box.y1 && m_a[size_t(box.x0)] == m_b[size_t(box.y0)]) {
            ++box.x0;
            ++box.y0;
        }
        const int x1 = box.x1;
        while (box.x0 < box.x1 && box.y0 < box.y1 && m_a[size_t(box.x1 - 1)] == m_b[size_t(box.y1 - 1)]) {
            --box.x1;
            --box.y1;
        }
        m_used += (box.x0 - x0) + (x1 - box.x1) + 1;
        if (box.x0 == box.x1) {
            markRange(m_changedB, box.y0, box.y1);
            continue;
        }
        if (box.y0 == box.y1) {
            markRange(m_changedA, box.x0, box.x1);
            continue;
        }
        if (outOfBudget()) {
            // Spent: what is left is reported as replaced. Still a valid diff.
            m_approximate = true;
            markRange(m_changedA, box.x0, box.x1);
            markRange(m_changedB, box.y0, box.y1);
            continue;
        }
        const Split s = split(box);
        // Low half on top: the order only matters for locality.
        stack.push_back(Box{s.x, box.x1, s.y, box.y1, s.exactHigh});
        stack.push_back(Box{box.x0, s.x, box.y0, s.y, s.exactLow});
    }
    return Outcome{m_approximate, m_canceled, m_used};
}

MyersDiff::Split MyersDiff::split(const Box &box)
{
    const int *a = m_a.data();
    const int *b = m_b.data();
    int *fwd = m_forward.data() + m_diagonalOffset;
    int *bwd = m_backward.data() + m_diagonalOffset;
    const int off1 = box.x0;
    const int lim1 = box.x1;
    const int off2 = box.y0;
    const int lim2 = box.y1;

    const int dmin = off1 - lim2;
    const int dmax = lim1 - off2;
    const int fmid = off1 - off2;
    const int bmid = lim1 - lim2;
    const bool odd = ((fmid - bmid) & 1) != 0;
    int fmin = fmid;
    int fmax = fmid;
    int bmin = bmid;
    int bmax = bmid;
    fwd[fmid] = off1;
    bwd[bmid] = lim1;

    for (int ec = 1;; ++ec) {
        qint64 work = 0;
        // One more edit forward: widen the band of diagonals, fencing its new edges.
        if (fmin > dmin)
            fwd[--fmin - 1] = -1;
        else
            ++fmin;
        if (fmax < dmax)
            fwd[++fmax + 1] = -1;
        else
            --fmax;
        for (int d = fmax; d >= fmin; d -= 2) {
            int x = fwd[d - 1] >= fwd[d + 1] ? fwd[d - 1] + 1 : fwd[d + 1];
            const int start = x;
            int y = x - d;
            while (x < lim1 && y < lim2 && a[x] == b[y]) {
                ++x;
                ++y;
            }
            work += 1 + (x - start);
            fwd[d] = x;
            if (odd && bmin <= d && d <= bmax && bwd[d] <= x) {
                m_used += work;
                return Split{x, y, true, true};
            }
        }

        // And one more backward.
        if (bmin > dmin)
            bwd[--bmin - 1] = INT_MAX;
        else
            ++bmin;
        if (bmax < dmax)
            bwd[++bmax + 1] = INT_MAX;
        else
            --bmax;
        for (int d = bmax; d >= bmin; d -= 2) {
            int x = bwd[d - 1] < bwd[d + 1] ? bwd[d - 1] : bwd[d + 1] - 1;
            const int start = x;
            int y = x - d;
            while (x > off1 && y > off2 && a[x - 1] == b[y - 1]) {
                --x;
                --y;
            }
            work += 1 + (start - x);
            bwd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fwd[d]) {
                m_used += work;
                return Split{x, y, true, true};
            }
        }
        m_used += work;

        const bool spent = outOfBudget();
        if (!spent && (box.exact || ec < m_maxCost))
            continue;

        // Too expensive: split at the furthest point reached from either corner. The half on
        // the near side of it is small and solved exactly; the other half goes on.
        m_approximate = true;
        int fbest = -1;
        int fbestX = -1;
        for (int d = fmax; d >= fmin; d -= 2) {
            int x = qMin(fwd[d], lim1);
            int y = x - d;
            if (y > lim2) {
                x = lim2 + d;
                y = lim2;
            }
            if (x + y > fbest) {
                fbest = x + y;
                fbestX = x;
            }
        }
        int bbest = INT_MAX;
        int bbestX = INT_MAX;
        for (int d = bmax; d >= bmin; d -= 2) {
            int x = qMax(off1, bwd[d]);
            int y = x - d;
            if (y < off2) {
                x = off2 + d;
                y = off2;
            }
            if (x + y < bbest) {
                bbest = x + y;
                bbestX = x;
            }
        }
        if ((lim1 + lim2) - bbest < fbest - (off1 + off2))
            return Split{fbestX, fbest - fbestX, true, false};
        return Split{bbestX, bbest - bbestX, false, true};
    }
}

} // namespace Countersign
