#pragma once

#include <QList>

namespace Countersign {

// How a row of a side-by-side diff relates its two sides.
enum class DiffRowKind {
    Context, // the same line on both sides (equal, or equal but for ignored whitespace)
    Removed, // a left line with no counterpart
    Added, // a right line with no counterpart
    Changed, // a removed line and an added line shown side by side
};

// Intra-line emphasis: a changed span of one line, in QChar units. Spans never split a
// surrogate pair.
struct DiffSpan {
    int start = 0;
    int length = 0;

    friend bool operator==(const DiffSpan &, const DiffSpan &) = default;
};

// One row of a diff: a left line, a right line or both (0-based line numbers, -1 = none).
// A unified view prints a Changed row as its removed line followed by its added line.
struct DiffRow {
    int leftLine = -1;
    int rightLine = -1;
    DiffRowKind kind = DiffRowKind::Context;
    QList<DiffSpan> leftSpans; // only on Changed rows
    QList<DiffSpan> rightSpans;

    friend bool operator==(const DiffRow &, const DiffRow &) = default;
};

} // namespace Countersign
