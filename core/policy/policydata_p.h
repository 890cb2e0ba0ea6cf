#pragma once

#include "actiontypepolicy.h"
#include "categorypolicy.h"
#include "policyrule.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>

// Not part of the API: the parsed content behind a Policy value, shared between copies and
// never modified once the parser has built it.
namespace Countersign {

struct PolicyData {
    int version = 0;
    QByteArray document;
    QMap<QString, CategoryPolicy> categories; // including the built-in "unassigned" when in use
    struct TypeEntry {
        ActionTypePolicy policy;
        QString reason; // "type X requires review", built once rather than per evaluation
    };
    QHash<QString, TypeEntry> actionTypes;
    QList<PolicyRule> prohibitions; // all Tier::Prohibited, evaluated first
    QList<PolicyRule> rules; // in document order
    QString unassignedCategory = QStringLiteral("unassigned"); // for types the policy does not name
    Tier unassignedTier = Tier::Review;
};

} // namespace Countersign
