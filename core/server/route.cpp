#include "route.h"

#include <QRegularExpression>

namespace Countersign {

namespace {

const QRegularExpression &parameterPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z_]+)\\}"));
    return re;
}

} // namespace

QString Route::methodName() const
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("get");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("put");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("delete");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("post");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("patch");
    default:
        break;
    }
    return QStringLiteral("unknown");
}

QString Route::pathParameter() const
{
    const auto match = parameterPattern().match(path);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString Route::qtPattern() const
{
    QString p = path;
    return p.replace(parameterPattern(), QStringLiteral("<arg>"));
}

bool Route::matchesPath(const QString &candidate) const
{
    QString pattern = QRegularExpression::escape(path);
    pattern.replace(QRegularExpression(QStringLiteral("\\\\\\{[a-z_]+\\\\\\}")), QStringLiteral("[^/]+"));
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(candidate).hasMatch();
}

} // namespace Countersign
