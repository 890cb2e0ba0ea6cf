#include "linepairing.h"

#include <algorithm>
#include <cstdint>

namespace Countersign {

namespace {

// Bigger blocks pair in order: the alignment is quadratic and such blocks are rewrites anyway.
constexpr size_t MaxCells = 400;
// Only a line's first characters count: enough to recognise it, bounded for huge lines.
constexpr qsizetype MaxChars = 1024;
// Below this similarity two lines are different lines, not versions of one.
constexpr double Threshold = 0.4;

std::vector<std::uint32_t> bigrams(QStringView line)
{
    line = line.trimmed().first(qMin(line.trimmed().size(), MaxChars));
    std::vector<std::uint32_t> out;
    if (line.size() < 2)
        return out;
    out.reserve(size_t(line.size() - 1));
    for (qsizetype i = 0; i + 1 < line.size(); ++i)
        out.push_back(std::uint32_t(line[i].unicode()) << 16 | line[i + 1].unicode());
    std::sort(out.begin(), out.end());
    return out;
}

double dice(const std::vector<std::uint32_t> &a, const std::vector<std::uint32_t> &b)
{
    if (a.empty() || b.empty())
        return 0;
    size_t i = 0;
    size_t j = 0;
    size_t common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++common;
            ++i;
            ++j;
        }
    }
    return 2.0 * double(common) / double(a.size() + b.size());
}

// The share of the longer line covered by the common prefix and suffix: a quick, allocation-free
// sign of a line edited in the middle.
double sharedEnds(QStringView a, QStringView b)
{
    a = a.trimmed();
    b = b.trimmed();
    const qsizetype longer = qMax(a.size(), b.size());
    if (longer == 0)
        return 1;
    const qsizetype shorter = qMin(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return double(prefix + suffix) / double(longer);
}

} // namespace

double LinePairing::similarity(QStringView a, QStringView b)
{
    if (a.trimmed() == b.trimmed())
        return 1;
    return dice(bigrams(a), bigrams(b));
}

std::vector<int> LinePairing::pair(std::span<const QStringView> left, std::span<const QStringView> right)
{
    const size_t n = left.size();
    const size_t m = right.size();
    std::vector<int> result(n, -1);
    if (n == 0 || m == 0)
        return result;
    if (n == 1 && m == 1) {
        result[0] = 0;
        return result;
    }
    if (n * m > MaxCells) {
        for (size_t i = 0; i < std::min(n, m); ++i)
            result[i] = int(i);
        return result;
    }

    if (n == m) {
        // Lines edited in place, the usual case: each one keeps most of its start and end.
        bool inPlace = true;
        for (size_t i = 0; i < n && inPlace; ++i)
            inPlace = sharedEnds(left[i], right[i]) >= 0.5;
        if (inPlace) {
            for (size_t i = 0; i < n; ++i)
                result[i] = int(i);
            return result;
        }
    }

    std::vector<std::vector<std::uint32_t>> bl(n);
    std::vector<std::vector<std::uint32_t>> br(m);
    for (size_t i = 0; i < n; ++i)
        bl[i] = bigrams(left[i]);
    for (size_t j = 0; j < m; ++j)
        br[j] = bigrams(right[j]);

    // Best total similarity of an in-order matching of the first i left and j right lines.
    std::vector<double> score((n + 1) * (m + 1), 0);
    std::vector<double> sim(n * m, 0);
    auto at = [m](size_t i, size_t j) {
        return i * (m + 1) + j;
    };
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = 1; j <= m; ++j) {
            const double s = left[i - 1].trimmed() == right[j - 1].trimmed() ? 1.0 : dice(bl[i - 1], br[j - 1]);
            sim[(i - 1) * m + (j - 1)] = s;
            double best = std::max(score[at(i - 1, j)], score[at(i, j - 1)]);
            if (s >= Threshold)
                best = std::max(best, score[at(i - 1, j - 1)] + s);
            score[at(i, j)] = best;
        }
    }
    std::vector<std::pair<size_t, size_t>> pairs;
    for (size_t i = n, j = m; i > 0 && j > 0;) {
        const double s = sim[(i - 1) * m + (j - 1)];
        if (s >= Threshold && score[at(i, j)] == score[at(i - 1, j - 1)] + s) {
            pairs.emplace_back(i - 1, j - 1);
            --i;
            --j;
        } else if (score[at(i, j)] == score[at(i - 1, j)]) {
            --i;
        } else {
            --j;
        }
    }
    std::reverse(pairs.begin(), pairs.end());

    // Lines left over between two pairs occupy the same place: they face each other in order.
    size_t li = 0;
    size_t rj = 0;
    pairs.emplace_back(n, m);
    for (const auto &[pi, pj] : pairs) {
        for (size_t k = 0; li + k < pi && rj + k < pj; ++k)
            result[li + k] = int(rj + k);
        if (pi < n)
            result[pi] = int(pj);
        li = pi + 1;
        rj = pj + 1;
    }
    return result;
}

} // namespace Countersign
