#pragma once

#include "domain/decision.h"
#include "domain/error.h"
#include "role.h"
#include "submitrequest.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <optional>

namespace Countersign {

// The JSON request bodies of the routes, read from the raw bytes into values in one place:
// the routes call these, and so do the fuzz harnesses (fuzz/), which is why the raw body is
// the input and not an already parsed object.
class RequestBodies
{
public:
    struct Batch {
        QStringList ids;
        Decision decision; // approve or reject only; reviewer and time are the server's
    };
    // A snooze's end, as sent: an RFC 3339 time, or minutes from now (the route reads its clock).
    struct Snooze {
        QDateTime until; // invalid when `minutes` was sent
        qint64 minutes = 0;
        QString field; // "until" or "minutes": what an error about the time names
    };
    struct NewToken {
        QString name;
        Role role = Role::Agent;
    };

    static constexpr qsizetype MaxBatch = 500;

    static Result<SubmitRequest> submit(const QByteArray &body); // POST /v1/actions
    static Result<Decision> decision(const QByteArray &body); // POST /v1/actions/{id}/decision
    static Result<Batch> batch(const QByteArray &body); // POST /v1/decisions/batch
    static Result<std::optional<qint64>> claimLease(const QByteArray &body); // POST .../claim (lease_s)
    static Result<QString> reassign(const QByteArray &body); // POST .../reassign (the reviewer)
    static Result<Snooze> snooze(const QByteArray &body); // POST .../snooze (until or minutes)
    static Result<NewToken> token(const QByteArray &body); // POST /v1/tokens
};

} // namespace Countersign
