#include "duration.h"

#include <array>

namespace Countersign {

namespace {

struct Unit {
    char16_t symbol;
    qint64 seconds;
};

// Largest first: parsing requires this order, formatting produces it.
constexpr std::array<Unit, 4> Units{{{u'd', 86400}, {u'h', 3600}, {u'm', 60}, {u's', 1}}};

constexpr qint64 MaxSeconds = 10LL * 366 * 86400;

Error durationError(const QString &text, const QString &why)
{
    return Error::invalid(
        QString(), QStringLiteral("\"%1\" is not a duration like \"4h\" or \"1h30m\": %2").arg(text, why));
}

} // namespace

Result<std::chrono::seconds> parseDuration(const QString &text)
{
    if (text.isEmpty())
        return fail(durationError(text, QStringLiteral("it is empty")));

    qint64 total = 0;
    qsizetype pos = 0;
    std::size_t nextUnit = 0; // index into Units: each unit must come after the previous one
    while (pos < text.size()) {
        const qsizetype digitsStart = pos;
        qint64 number = 0;
        while (pos < text.size() && text.at(pos).unicode() >= u'0' && text.at(pos).unicode() <= u'9') {
            // Any number above the cap is refused below, so stop accumulating before overflow.
            if (number <= MaxSeconds)
                number = number * 10 + (text.at(pos).unicode() - u'0');
            ++pos;
        }
        if (pos == digitsStart)
            return fail(durationError(text, QStringLiteral("expected a number at position %1").arg(pos + 1)));
        if (pos == text.size())
            return fail(durationError(text,
                QStringLiteral("the number %1 has no unit (s, m, h or d)")
                    .arg(text.mid(digitsStart, pos - digitsStart))));
        const char16_t symbol = text.at(pos).unicode();
        std::size_t unit = nextUnit;
        while (unit < Units.size() && Units[unit].symbol != symbol)
            ++unit;
        if (unit == Units.size()) {
            const bool known = symbol == u'd' || symbol == u'h' || symbol == u'm' || symbol == u's';
            return fail(durationError(text,
                known ? QStringLiteral("units go from the largest to the smallest, each at most once")
                      : QStringLiteral("unknown unit '%1' (use s, m, h or d)").arg(QChar(symbol))));
        }
        ++pos;
        nextUnit = unit + 1;
        if (number > MaxSeconds / Units[unit].seconds)
            return fail(durationError(text, QStringLiteral("it is longer than ten years")));
        total += number * Units[unit].seconds;
        if (total > MaxSeconds)
            return fail(durationError(text, QStringLiteral("it is longer than ten years")));
    }
    return std::chrono::seconds(total);
}

QString formatDuration(std::chrono::seconds duration)
{
    qint64 rest = duration.count();
    if (rest == 0)
        return QStringLiteral("0s");
    QString out;
    if (rest < 0) {
        out += u'-';
        rest = -rest;
    }
    for (const Unit &unit : Units) {
        if (rest >= unit.seconds) {
            out += QString::number(rest / unit.seconds) + QChar(unit.symbol);
            rest %= unit.seconds;
        }
    }
    return out;
}

} // namespace Countersign
