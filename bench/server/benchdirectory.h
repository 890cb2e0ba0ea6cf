#pragma once

#include <QString>

// Where the server benchmarks keep their databases: a fresh temporary directory, never the
// working directory. Durable measurements need a real disk (a tmpfs makes every fsync free), so
// durableTempBase() prefers $COUNTERSIGN_BENCH_DIR, then the system temp directory, then
// /var/tmp, whichever is not a tmpfs; volatileTempBase() is a tmpfs, or empty.
namespace Countersign::Bench {

bool isTmpfs(const QString &path);
QString durableTempBase();
QString volatileTempBase();

} // namespace Countersign::Bench
