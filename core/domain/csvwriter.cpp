#include "csvwriter.h"

namespace Countersign {

QString CsvWriter::field(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

void CsvWriter::addRow(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const auto &f : fields)
        quoted.append(field(f));
    m_data += quoted.join(u',').toUtf8() + '\n';
}

} // namespace Countersign
