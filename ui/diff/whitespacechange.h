#pragma once

#include <QStringView>

namespace Countersign {

// True when two lines differ only in whitespace (indentation, trailing blanks, tabs for
// spaces): the views dim such a changed row so the changes that matter stand out.
inline bool isWhitespaceOnlyChange(QStringView left, QStringView right)
{
    if (left == right)
        return false;
    qsizetype i = 0;
    qsizetype j = 0;
    for (;;) {
        while (i < left.size() && left[i].isSpace())
            ++i;
        while (j < right.size() && right[j].isSpace())
            ++j;
        if (i == left.size() || j == right.size())
            return i == left.size() && j == right.size();
        if (left[i] != right[j])
            return false;
        ++i;
        ++j;
    }
}

} // namespace Countersign
