#include "sequencediff.h"

#include "myersdiff.h"

namespace Countersign {

namespace {

constexpr size_t Small = 64;

} // namespace

SequenceDiff::Result SequenceDiff::run(std::span<const int> a, std::span<const int> b, int idCount, qint64 costLimit,
    const std::function<bool()> *isCanceled)
{
    Result result;
    const size_t n = a.size();
    const size_t m = b.size();
    result.changedA.assign(n, 0);
    result.changedB.assign(m, 0);

    size_t head = 0;
    while (head < n && head < m && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail])
        ++tail;
    const size_t endA = n - tail;
    const size_t endB = m - tail;
    if (head == endA || head == endB) {
        for (size_t i = head; i < endA; ++i)
            result.changedA[i] = 1;
        for (size_t i = head; i < endB; ++i)
            result.changedB[i] = 1;
        return result;
    }

    if ((endA - head) + (endB - head) <= Small) {
        // Small (intra-line) inputs: setting elements aside costs more than it saves.
        MyersDiff myers(a.subspan(head, endA - head), b.subspan(head, endB - head),
            std::span<char>(result.changedA).subspan(head, endA - head),
            std::span<char>(result.changedB).subspan(head, endB - head));
        myers.setCostLimit(costLimit);
        myers.setCancelCheck(isCanceled);
        const MyersDiff::Outcome outcome = myers.run();
        result.approximate = outcome.approximate;
        result.canceled = outcome.canceled;
        return result;
    }

    // An element whose id never occurs on the other side cannot be matched: mark it changed
    // and leave it out of the search. The longest common subsequence is unaffected.
    std::vector<char> inA(size_t(idCount), 0);
    std::vector<char> inB(size_t(idCount), 0);
    for (size_t i = head; i < endA; ++i)
        inA[size_t(a[i])] = 1;
    for (size_t i = head; i < endB; ++i)
        inB[size_t(b[i])] = 1;
    std::vector<int> keptA;
    std::vector<int> keptB;
    std::vector<int> indexA; // position in keptA -> position in a
    std::vector<int> indexB;
    keptA.reserve(endA - head);
    indexA.reserve(endA - head);
    for (size_t i = head; i < endA; ++i) {
        if (inB[size_t(a[i])]) {
            keptA.push_back(a[i]);
            indexA.push_back(int(i));
        } else {
            result.changedA[i] = 1;
        }
    }
    keptB.reserve(endB - head);
    indexB.reserve(endB - head);
    for (size_t i = head; i < endB; ++i) {
        if (inA[size_t(b[i])]) {
            keptB.push_back(b[i]);
            indexB.push_back(int(i));
        } else {
            result.changedB[i] = 1;
        }
    }
    inA = {};
    inB = {};

    std::vector<char> keptChangedA(keptA.size(), 0);
    std::vector<char> keptChangedB(keptB.size(), 0);
    MyersDiff myers(keptA, keptB, keptChangedA, keptChangedB);
    myers.setCostLimit(costLimit);
    myers.setCancelCheck(isCanceled);
    const MyersDiff::Outcome outcome = myers.run();
    result.approximate = outcome.approximate;
    result.canceled = outcome.canceled;
    for (size_t i = 0; i < keptA.size(); ++i) {
        if (keptChangedA[i])
            result.changedA[size_t(indexA[i])] = 1;
    }
    for (size_t i = 0; i < keptB.size(); ++i) {
        if (keptChangedB[i])
            result.changedB[size_t(indexB[i])] = 1;
    }
    return result;
}

QList<DiffChange> SequenceDiff::changes(const std::vector<char> &changedA, const std::vector<char> &changedB)
{
    QList<DiffChange> list;
    const int n = int(changedA.size());
    const int m = int(changedB.size());
    int i = 0;
    int j = 0;
    // Unchanged elements pair up in order, so the two sides advance in step between changes.
    while (i < n || j < m) {
        if (i < n && j < m && !changedA[size_t(i)] && !changedB[size_t(j)]) {
            ++i;
            ++j;
            continue;
        }
        DiffChange change{i, 0, j, 0};
        while (i < n && changedA[size_t(i)])
            ++i;
        while (j < m && changedB[size_t(j)])
            ++j;
        change.leftCount = i - change.leftStart;
        change.rightCount = j - change.rightStart;
        if (change.leftCount == 0 && change.rightCount == 0) {
            // Unequal numbers of unchanged elements: not produced by run(); step over it
            // rather than loop.
            i = qMin(i + 1, n);
            j = qMin(j + 1, m);
            continue;
        }
        list.append(change);
    }
    return list;
}

} // namespace Countersign
