#include "changecompactor.h"

#include <climits>

namespace Countersign {

namespace {

// How far the indentation heuristic looks: enough for real code, bounded for degenerate input.
constexpr int MaxCandidates = 100;
constexpr int MaxScan = 20;

// A maximal run [start, end) of changed elements, possibly empty, between unchanged ones.
struct Group {
    int start = 0;
    int end = 0;
};

class Side
{
public:
    Side(std::span<const int> ids, std::vector<char> &changed)
        : m_ids(ids)
        , m_changed(changed)
        , m_n(int(changed.size()))
    { }

    Group first() const
    {
        Group g;
        while (g.end < m_n && m_changed[size_t(g.end)])
            ++g.end;
        return g;
    }

    bool next(Group &g) const
    {
        if (g.end >= m_n)
            return false;
        g.start = g.end + 1;
        g.end = g.start;
        while (g.end < m_n && m_changed[size_t(g.end)])
            ++g.end;
        return true;
    }

    bool previous(Group &g) const
    {
        if (g.start == 0)
            return false;
        g.end = g.start - 1;
        g.start = g.end;
        while (g.start > 0 && m_changed[size_t(g.start - 1)])
            --g.start;
        return true;
    }

    // Moves a non-empty run one up when the line above equals its last line; absorbs a run it
    // then touches.
    bool slideUp(Group &g)
    {
        if (g.start == 0 || m_ids[size_t(g.start - 1)] != m_ids[size_t(g.end - 1)])
            return false;
        m_changed[size_t(--g.start)] = 1;
        m_changed[size_t(--g.end)] = 0;
        while (g.start > 0 && m_changed[size_t(g.start - 1)])
            --g.start;
        return true;
    }

    bool slideDown(Group &g)
    {
        if (g.end >= m_n || m_ids[size_t(g.start)] != m_ids[size_t(g.end)])
            return false;
        m_changed[size_t(g.start++)] = 0;
        m_changed[size_t(g.end++)] = 1;
        while (g.end < m_n && m_changed[size_t(g.end)])
            ++g.end;
        return true;
    }

private:
    std::span<const int> m_ids;
    std::vector<char> &m_changed;
    int m_n;
};

// Indentation of a line in columns (tab = 8), or -1 for a blank line.
int indentOf(QStringView line)
{
    int column = 0;
    for (const QChar c : line) {
        if (c == u' ')
            ++column;
        else if (c == u'\t')
            column += 8 - column % 8;
        else if (c == u'\r' || c == u'\f' || c == u'\v')
            continue;
        else
            return column;
    }
    return -1;
}

// Cost of cutting the text between line s-1 and line s: cheap at blank lines and between
// blocks, dear inside a paragraph or where it separates a block's end from its body.
int splitPenalty(std::span<const QStringView> texts, int s)
{
    const int n = int(texts.size());
    if (s <= 0 || s >= n)
        return 0;
    const bool blankBefore = indentOf(texts[size_t(s - 1)]) < 0;
    const bool blankAfter = indentOf(texts[size_t(s)]) < 0;
    int before = -1;
    for (int i = s - 1; i >= 0 && i >= s - MaxScan; --i) {
        before = indentOf(texts[size_t(i)]);
        if (before >= 0)
            break;
    }
    int after = -1;
    for (int i = s; i < n && i < s + MaxScan; ++i) {
        after = indentOf(texts[size_t(i)]);
        if (after >= 0)
            break;
    }
    int penalty = 0;
    if (!blankBefore && !blankAfter)
        penalty += 2;
    if (before >= 0 && after >= 0) {
        if (before > after)
            penalty += 3; // cuts between a body and its closing line
        else if (after > before)
            penalty += 1; // cuts between an opening line and its body
    }
    return penalty;
}

} // namespace

void ChangeCompactor::compact(std::span<const int> idsA, std::vector<char> &changedA, std::span<const int> idsB,
    std::vector<char> &changedB, std::span<const QStringView> textsA, std::span<const QStringView> textsB)
{
    compactSide(idsA, changedA, changedB, textsA);
    compactSide(idsB, changedB, changedA, textsB);
}

void ChangeCompactor::compactSide(std::span<const int> ids, std::vector<char> &changed, std::vector<char> &otherChanged,
    std::span<const QStringView> texts)
{
    // The other side's ids are never compared: its runs are only walked in step, the k-th run
    // here facing the k-th run there.
    Side side(ids, changed);
    Side other({}, otherChanged);
    Group g = side.first();
    Group go = other.first();
    for (;;) {
        if (g.end != g.start) {
            int size = 0;
            int earliestEnd = 0;
            int endFacingChange = -1;
            // Slide to the top, then to the bottom, until the run stops growing by merging.
            do {
                size = g.end - g.start;
                endFacingChange = -1;
                while (side.slideUp(g))
                    other.previous(go);
                earliestEnd = g.end;
                if (go.end > go.start)
                    endFacingChange = g.end;
                while (side.slideDown(g)) {
                    other.next(go);
                    if (go.end > go.start)
                        endFacingChange = g.end;
                }
            } while (size != g.end - g.start);

            if (g.end == earliestEnd) {
                // Nowhere to go.
            } else if (endFacingChange >= 0) {
                // Sit next to the other side's change: one replacement reads better than a
                // deletion and an insertion apart.
                while (go.end == go.start && side.slideUp(g))
                    other.previous(go);
            } else if (!texts.empty()) {
                int bestEnd = g.end;
                int bestPenalty = INT_MAX;
                const int lowest = qMax(earliestEnd, g.end - MaxCandidates);
                for (int end = g.end; end >= lowest; --end) {
                    const int penalty = splitPenalty(texts, end - size) + splitPenalty(texts, end);
                    if (penalty < bestPenalty) {
                        bestPenalty = penalty;
                        bestEnd = end;
                    }
                }
                while (g.end > bestEnd && side.slideUp(g))
                    other.previous(go);
            }
        }
        if (!side.next(g))
            break;
        other.next(go);
    }
}

} // namespace Countersign
