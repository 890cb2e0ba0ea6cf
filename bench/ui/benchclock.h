#pragma once

// What the ui benches measure with: wall milliseconds, the GUI thread's CPU time, and a
// deterministic number source (a bench must measure the same input on every run).

#include <QElapsedTimer>

#include <ctime>

namespace Countersign::Bench {

inline double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread: on a loaded machine wall time also counts the waits for a core.
inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Lcg {
    quint32 state;
    quint32 next(quint32 bound)
    {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    }
};

} // namespace Countersign::Bench
