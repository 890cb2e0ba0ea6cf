#include "tsfile.h"

#include <QFile>
#include <QXmlStreamReader>

namespace Countersign::Test {

QString TsMessage::describe() const
{
    QString text = context + QStringLiteral(": “") + source + u'”';
    if (!comment.isEmpty())
        text += QStringLiteral(" (") + comment + u')';
    return text;
}

QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            current = nullptr;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name") && !current) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            messages.append(TsMessage{});
            current = &messages.last();
            current->context = context;
            current->numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (current && name == QLatin1String("source")) {
            current->source = xml.readElementText();
        } else if (current && name == QLatin1String("comment")) {
            current->comment = xml.readElementText();
        } else if (current && name == QLatin1String("translation")) {
            current->type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current->numerus)
                current->translations.append(xml.readElementText());
        } else if (current && name == QLatin1String("numerusform")) {
            current->translations.append(xml.readElementText());
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return {};
    }
    return messages;
}

} // namespace Countersign::Test
