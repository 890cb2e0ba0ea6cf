#pragma once

#include <QStringView>

#include <vector>

namespace Countersign {

// A text split into lines at '\n' (internal to the diff engine). A line keeps its '\r', so CRLF
// and mixed endings round-trip exactly; the last line may lack its newline. The views point
// into the text, which must outlive this value.
struct TextLines {
    std::vector<QStringView> lines;
    bool endsWithNewline = true; // also true for an empty text: nothing is missing

    static TextLines split(QStringView text);
};

} // namespace Countersign
