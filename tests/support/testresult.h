#pragma once

#include "domain/error.h"

#include <QFuture>
#include <QTest>

#include <optional>

namespace Countersign::Test {

// The error of a result, or nothing: lets the macros below inspect temporaries and move-only
// results without copying them or keeping references past their lifetime.
template<typename T>
std::optional<Error> errorOf(const Result<T> &result)
{
    return result ? std::nullopt : std::optional<Error>(result.error());
}

// The future's result once it finished, spinning the event loop meanwhile (its work may need
// it); nothing when it did not finish within the timeout.
template<typename T>
std::optional<T> await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!QTest::qWaitFor(
            [&future] {
                return future.isFinished();
            },
            timeoutMs))
        return std::nullopt;
    return future.result();
}

// The same, for tests where a future that never finishes is a bug to stop at: aborts the test
// program with a message instead of returning nothing.
template<typename T>
T awaitFinished(QFuture<T> future, int timeoutMs = 20000)
{
    std::optional<T> result = await(std::move(future), timeoutMs);
    if (!result)
        qFatal("a future did not finish within %d ms", timeoutMs);
    return std::move(*result);
}

} // namespace Countersign::Test

// Verifies that a Result holds a value; on failure the message is the error's own text.
#define CS_VERIFY_OK(expr)                                                                                             \
    do {                                                                                                               \
        const auto csError_ = ::Countersign::Test::errorOf((expr));                                                    \
        QVERIFY2(!csError_, qPrintable(csError_ ? csError_->toString() : QString()));                                  \
    } while (false)

// Verifies that a Result holds an error of this code.
#define CS_VERIFY_ERROR(expr, errorCode)                                                                               \
    do {                                                                                                               \
        const auto csError_ = ::Countersign::Test::errorOf((expr));                                                    \
        QVERIFY2(csError_.has_value(), "expected an error, got a value");                                              \
        QCOMPARE(errorCodeName(csError_->code), errorCodeName(errorCode));                                             \
    } while (false)

// Verifies that a Result holds an error whose message contains `part`; on failure the message
// is the error's own text.
#define CS_VERIFY_ERROR_MESSAGE(expr, part)                                                                            \
    do {                                                                                                               \
        const auto csError_ = ::Countersign::Test::errorOf((expr));                                                    \
        QVERIFY2(csError_.has_value(), "expected an error, got a value");                                              \
        QVERIFY2(csError_->message.contains(part), qPrintable(csError_->toString()));                                  \
    } while (false)
