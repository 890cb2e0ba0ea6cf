#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Countersign {

// Turns a recommendation's evidence (counts, rates, seconds, windows, examples) into a small
// HTML table a lead can read: "approval_rate": 0.987 becomes "Approval rate  98.7%".
class EvidenceFormatter
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceFormatter)

public:
    static QString toHtml(const QJsonObject &evidence);
    static QString label(const QString &key);
    static QString value(const QString &key, const QJsonValue &value);
};

} // namespace Countersign
