#pragma once

#include <QByteArray>
#include <QStringList>

namespace Countersign {

// RFC 4180 CSV in UTF-8: fields with a comma, quote or line break are quoted, quotes doubled.
// Spreadsheets open the exports of the history and report windows without surprises.
class CsvWriter
{
public:
    void addRow(const QStringList &fields);
    const QByteArray &data() const { return m_data; }

    static QString field(const QString &text);

private:
    QByteArray m_data;
};

} // namespace Countersign
