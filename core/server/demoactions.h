#pragma once

#include <QJsonObject>
#include <QRandomGenerator>

namespace Countersign {

// Realistic proposals for the demo feed: external and internal emails, refunds and voided
// invoices, code patches, SQL queries and migrations, shell commands, status posts and the
// odd unclassified type, with payload languages, context objects and varied confidence, so
// every tier, category and several rules of the demo policy show up.
class DemoActions
{
public:
    struct Proposal {
        QString agent;
        QJsonObject body; // a POST /v1/actions body
    };

    static Proposal make(QRandomGenerator &random, int serial);
    // A proposal of one type (the demo history picks the mix itself); unknown types get a short
    // generic body.
    static Proposal make(const QString &type, QRandomGenerator &random, int serial);
};

} // namespace Countersign
