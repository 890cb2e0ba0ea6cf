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

// The same for a value whose answer is not its own toJson(): 200 with `toJson(value)`, or the
// error.
template<typename T, typename ToJson>
void answerRead(StoreWorker *worker, Reply *reply, std::function<Result<T>(Store &)> read, ToJson toJson)
{
    worker->read<T>(reply, std::move(read), [reply, toJson = std::move(toJson)](Result<T> result) {
        if (!result) {
            reply->sendError(result.error());
            return;
        }
        reply->sendJson(Reply::Status::Ok, toJson(*result));
    });
}

} // namespace Countersign
