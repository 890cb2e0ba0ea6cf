#pragma once

#include "diffrow.h"

#include <QStringView>

namespace Countersign {

// A piece of the alignment of two lines: text equal on both sides (or equal but for ignored
// whitespace), or left text replaced by right text (either may be empty). Offsets in QChars.
struct InlineSegment {
    int leftStart = 0;
    int leftLength = 0;
    int rightStart = 0;
    int rightLength = 0;
    bool equal = true;

    friend bool operator==(const InlineSegment &, const InlineSegment &) = default;
};

// Intra-line refinement of a changed line pair: a diff of words (runs of letters, digits and
// '_'), whitespace runs and single symbols, refined to characters inside a pair of short
// words that are mostly alike ("colour" -> "color" marks the 'u'). Changes separated only by
// whitespace merge, and a pair with little in common is marked as a whole rather than as
// confetti. Never splits a surrogate pair or a base character from its combining marks.
class InlineDiff
{
public:
    // Segments covering both lines fully, in order, alternating equal and changed.
    static QList<InlineSegment> segments(QStringView left, QStringView right, bool ignoreWhitespace = false);

    // The changed, non-empty parts of each side.
    static void spans(const QList<InlineSegment> &segments, QList<DiffSpan> *leftSpans, QList<DiffSpan> *rightSpans);
};

} // namespace Countersign
