#include "diffjob.h"

#include "differ.h"

#include <QPromise>
#include <QThreadPool>
#include <QtConcurrentRun>

namespace Countersign {

QFuture<FileDiff> DiffJob::start(QString left, QString right, DiffOptions options, QThreadPool *pool)
{
    auto work = [](QPromise<FileDiff> &promise, const QString &l, const QString &r, const DiffOptions &o) {
        const std::function<bool()> canceled = [&promise] {
            return promise.isCanceled();
        };
        FileDiff diff = Differ::diff(l, r, o, canceled);
        // A canceled search leaves a coarse diff nobody asked for: report nothing.
        if (!promise.isCanceled())
            promise.addResult(std::move(diff));
    };
    return QtConcurrent::run(
        pool ? pool : QThreadPool::globalInstance(), work, std::move(left), std::move(right), options);
}

} // namespace Countersign
