#include "timeformat.h"

#include <QRegularExpression>

namespace Countersign {

namespace {

constexpr qint64 MsPerDay = 86'400'000;
constexpr qint64 Year10000 = 253'402'300'800'000; // 10000-01-01T00:00:00Z in ms since the epoch

void putDigits(char16_t *out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char16_t(u'0' + value % 10);
        value /= 10;
    }
}

} // namespace

QString toIsoUtc(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // Every action, event and audit entry formats several times, and QDateTime::toString is a
    // general formatter: years 1970-9999 are written here with the same result. Others go to Qt.
    const qint64 ms = time.toMSecsSinceEpoch();
    if (ms < 0 || ms >= Year10000)
        return time.toUTC().toString(Qt::ISODateWithMs);
    // Civil date from days since 1970-01-01 (the proleptic Gregorian calendar, in 400-year eras).
    const qint64 days = ms / MsPerDay;
    const qint64 msOfDay = ms % MsPerDay;
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    QString text(24, Qt::Uninitialized); // yyyy-MM-ddTHH:mm:ss.zzzZ
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    putDigits(out, year, 4);
    out[4] = u'-';
    putDigits(out + 5, month, 2);
    out[7] = u'-';
    putDigits(out + 8, day, 2);
    out[10] = u'T';
    putDigits(out + 11, msOfDay / 3'600'000, 2);
    out[13] = u':';
    putDigits(out + 14, msOfDay / 60'000 % 60, 2);
    out[16] = u':';
    putDigits(out + 17, msOfDay / 1000 % 60, 2);
    out[19] = u'.';
    putDigits(out + 20, msOfDay % 1000, 3);
    out[23] = u'Z';
    return text;
}

QDateTime fromIsoUtc(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QDateTime fromRfc3339(const QString &text)
{
    static const QRegularExpression form(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!form.match(text).hasMatch())
        return {};
    QString normal = text;
    normal[10] = u'T';
    if (normal.endsWith(u'z'))
        normal[normal.size() - 1] = u'Z';
    // Qt reads at most milliseconds; finer digits are cut, not rounded.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    normal.replace(fraction, QStringLiteral("\\1"));
    QDateTime t = QDateTime::fromString(normal, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toIsoUtc(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace Countersign
