#pragma once

#include "reply.h"
#include "storeworker.h"

#include <functional>

namespace Countersign {

// Reads on the store thread and answers `reply` with the result's JSON (200) or its error. The
// reply is the task's context: if the client has gone by then, nothing is delivered.
template<typename T>
void answerRead(StoreWorker *worker, Reply *reply, std::function<Result<T>(Store &)> read)
{
    worker->read<T>(reply, std::move(read), [reply](Result<T> result) {
        reply->send(result);
    });
}

} // namespace Countersign
