#pragma once

#include <QStringView>

#include <span>
#include <vector>

namespace Countersign {

// Shifts runs of changes to where they read best (internal to the diff engine). A run of
// inserted or deleted lines can often slide up or down along equal neighbours without changing
// the diff's size; Myers picks an arbitrary position. This slides each run as far as it goes,
// merges runs that meet, aligns a run with a change on the other side when it can, and
// otherwise picks the position whose boundaries fall on blank lines and block edges (judged by
// indentation), preferring the lowest position on ties.
class ChangeCompactor
{
public:
    // ids: the elements of both sides; changed: flags from SequenceDiff, updated in place.
    // texts: the lines of each side for the indentation heuristic, or empty to skip it.
    static void compact(std::span<const int> idsA, std::vector<char> &changedA, std::span<const int> idsB,
        std::vector<char> &changedB, std::span<const QStringView> textsA = {},
        std::span<const QStringView> textsB = {});

private:
    static void compactSide(std::span<const int> ids, std::vector<char> &changed, std::vector<char> &otherChanged,
        std::span<const QStringView> texts);
};

} // namespace Countersign
