#pragma once

#include "domain/error.h"

namespace Countersign {

// Why a connection, request or WebSocket over a limit is turned away: the status (429 for a
// token's or an address's share, 503 when the server as a whole is full), the error body and
// how long to wait (Retry-After).
struct AdmissionRefusal {
    int status = 429;
    Error error;
    int retryAfterSeconds = 1;
};

} // namespace Countersign
