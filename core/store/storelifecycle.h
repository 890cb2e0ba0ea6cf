#pragma once

#include "deferredsync.h"
#include "domain/error.h"

#include <optional>

namespace Countersign {

// A store's life as a whole: opening, migrating, closing and how its commits become durable.
class StoreLifecycle
{
public:
    virtual ~StoreLifecycle() = default;

    virtual QString backendName() const = 0;
    // Opens (creating if needed) and migrates the database to the latest schema.
    virtual Result<void> open() = 0;
    virtual void close() = 0;
    // Switches commits to deferred durability (see DeferredSync) when the backend supports it,
    // and returns how to sync; nothing, and commits stay durable on return, otherwise. Only for
    // a caller that acknowledges no write before calling sync(): the StoreWorker.
    virtual std::optional<DeferredSync> deferSync() { return std::nullopt; }
    virtual int schemaVersion() const = 0;
};

} // namespace Countersign
