#include "querycursor.h"

#include <QLocale>

namespace Countersign {

namespace {

constexpr auto Base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QChar sortTag(ActionQuery::Sort sort)
{
    switch (sort) {
    case ActionQuery::Sort::Deadline:
        return u'd';
    case ActionQuery::Sort::Age:
        return u'a';
    case ActionQuery::Sort::Confidence:
        break;
    }
    return u'c';
}

Error badCursor(const QString &why)
{
    return Error::invalid(QStringLiteral("cursor"), why);
}

} // namespace

QString QueryCursor::encode() const
{
    const QString keyText = std::holds_alternative<double>(key)
        ? QString::number(std::get<double>(key), 'g', QLocale::FloatingPointShortest)
        : QString::number(std::get<qint64>(key));
    const QString plain = sortTag(sort) + u'|' + keyText + u'|' + id;
    return QString::fromLatin1(plain.toUtf8().toBase64(Base64Options));
}

Result<QueryCursor> QueryCursor::decode(const QString &token, ActionQuery::Sort expectedSort)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(badCursor(QStringLiteral("is not a cursor returned by this server")));
    const QString plain = QString::fromUtf8(*decoded);
    const qsizetype first = plain.indexOf(u'|');
    const qsizetype second = first < 0 ? -1 : plain.indexOf(u'|', first + 1);
    if (first != 1 || second < 0)
        return fail(badCursor(QStringLiteral("is not a cursor returned by this server")));
    if (plain.at(0) != sortTag(expectedSort))
        return fail(badCursor(QStringLiteral("belongs to a listing in another order")));

    QueryCursor c;
    c.sort = expectedSort;
    c.id = plain.mid(second + 1);
    const QString keyText = plain.mid(first + 1, second - first - 1);
    bool ok = false;
    if (expectedSort == ActionQuery::Sort::Confidence)
        c.key = keyText.toDouble(&ok);
    else
        c.key = keyText.toLongLong(&ok);
    if (!ok || c.id.isEmpty())
        return fail(badCursor(QStringLiteral("is not a cursor returned by this server")));
    return c;
}

} // namespace Countersign
