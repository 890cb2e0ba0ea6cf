#include "textlines.h"

namespace Countersign {

TextLines TextLines::split(QStringView text)
{
    TextLines result;
    if (text.isEmpty())
        return result;
    // Counting first keeps a million-line split to one allocation.
    result.lines.reserve(size_t(text.count(u'\n')) + 1);
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype nl = text.indexOf(u'\n', from);
        if (nl < 0) {
            result.lines.push_back(text.sliced(from));
            result.endsWithNewline = false;
            return result;
        }
        result.lines.push_back(text.sliced(from, nl - from));
        from = nl + 1;
    }
    return result;
}

} // namespace Countersign
