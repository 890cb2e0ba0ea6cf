#include "actionid.h"

#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace Countersign {

QString newActionId(const QDateTime &now)
{
    const quint64 millis = quint64(qMax<qint64>(0, now.toMSecsSinceEpoch())) & 0xFFFF'FFFF'FFFFull;
    std::array<quint32, 3> random{};
    QRandomGenerator::system()->generate(random.begin(), random.end());
    // time_hi (48 bits) | version 7 (4 bits) + 12 random | variant 10 (2 bits) + 62 random
    const quint16 versionAndRandom = quint16(0x7000 | (random[0] & 0x0FFF));
    const quint16 variantAndRandom = quint16(0x8000 | ((random[0] >> 16) & 0x3FFF));
    const QUuid uuid(quint32(millis >> 16), quint16(millis & 0xFFFF), versionAndRandom, uchar(variantAndRandom >> 8),
        uchar(variantAndRandom & 0xFF), uchar(random[1] >> 24), uchar(random[1] >> 16), uchar(random[1] >> 8),
        uchar(random[1]), uchar(random[2] >> 8), uchar(random[2]));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace Countersign
