#include "evidenceformatter.h"

#include "domain/timeformat.h"
#include "queue/queuemodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace Countersign {

QString EvidenceFormatter::label(const QString &key)
{
    QString text = key;
    text.replace(u'_', u' ');
    if (text.endsWith(QLatin1String(" s")))
        text.chop(2);
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString EvidenceFormatter::value(const QString &key, const QJsonValue &v)
{
    const QLocale locale;
    switch (v.type()) {
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (key.endsWith(QLatin1String("rate")) || key.endsWith(QLatin1String("share")))
            return locale.toString(d * 100.0, 'f', 1) + QLatin1Char('%');
        if (key.endsWith(QLatin1String("_s")))
            return QueueModel::formatAge(qint64(d + 0.5));
        if (d == double(qint64(d)))
            return locale.toString(qint64(d));
        return locale.toString(d, 'g', 4);
    }
    case QJsonValue::String: {
        const QDateTime time = fromIsoUtc(v.toString());
        return time.isValid() ? locale.toString(time.toLocalTime(), QLocale::ShortFormat) : v.toString();
    }
    case QJsonValue::Bool:
        return v.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Array: {
        QStringList parts;
        for (const auto &item : v.toArray()) {
            if (item.isObject()) {
                const QJsonObject o = item.toObject();
                const QString title = o.value(QLatin1String("title")).toString();
                const QString id = o.value(QLatin1String("id")).toString();
                parts.append(title.isEmpty() ? id : title);
            } else {
                parts.append(value(key, item));
            }
        }
        return parts.join(QStringLiteral("; "));
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts.append(label(it.key()) + QStringLiteral(": ") + value(it.key(), it.value()));
        return parts.join(QStringLiteral(", "));
    }
    default:
        return QStringLiteral("–");
    }
}

QString EvidenceFormatter::toHtml(const QJsonObject &evidence)
{
    QString html = QStringLiteral("<table cellspacing=\"2\" cellpadding=\"2\">");
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(label(it.key()).toHtmlEscaped(), value(it.key(), it.value()).toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

} // namespace Countersign
