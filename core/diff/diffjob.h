#pragma once

#include "diffoptions.h"
#include "filediff.h"

#include <QFuture>

class QThreadPool;

namespace Countersign {

// Runs Differ on a worker thread. The future reports exactly one result, or none when it was
// canceled (QFuture::cancel() stops the search within a few milliseconds).
class DiffJob
{
public:
    // pool: null for QThreadPool::globalInstance().
    static QFuture<FileDiff> start(QString left, QString right, DiffOptions options = {}, QThreadPool *pool = nullptr);
};

} // namespace Countersign
