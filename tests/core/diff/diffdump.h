#pragma once

#include "diff/filediff.h"
#include "domain/error.h"

namespace Countersign::Test {

// A readable text form of a FileDiff for reference files under tests/data/diff/:
//   # added 1 removed 1
//   @@ -1,3 +1,3 @@
//   = 1 1 |context line
//   - 2 . |removed line
//   + . 2 |added line
//   < 3 3 |left of a changed pair with [-its changed spans-]
//   > 3 3 |right of a changed pair with {+its changed spans+}
// Line numbers are 1-based; '\r' is written as the two characters "\r".
QString dumpDiff(const FileDiff &diff);

// A line with its spans bracketed by open/close.
QString markSpans(const QString &line, const QList<DiffSpan> &spans, QStringView open, QStringView close);

// The error of a result, or an empty string: safe in QVERIFY2 messages, which are evaluated
// whether or not the check fails.
template<typename T>
QString errorText(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

} // namespace Countersign::Test
