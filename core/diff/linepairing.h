#pragma once

#include <QStringView>

#include <span>
#include <vector>

namespace Countersign {

// Decides which removed and added lines of one change face each other in a side-by-side view
// (internal to the diff engine). Lines are paired by similarity (Dice coefficient of character
// bigrams), in order, so an edited line sits beside its new version even when lines were
// inserted or deleted around it; the lines left over in the same place pair up in order.
class LinePairing
{
public:
    // For each left line, the index of the right line it faces, or -1. Increasing where set.
    static std::vector<int> pair(std::span<const QStringView> left, std::span<const QStringView> right);

    // Similarity of two lines in [0, 1], ignoring leading and trailing whitespace.
    static double similarity(QStringView a, QStringView b);
};

} // namespace Countersign
