#pragma once

#include "domain/action.h"

#include <QStringList>

namespace Countersign {

// Which desktop notifications the reviewer wants: the kinds (new items, missed deadlines,
// escalations) and, for all of them, which items ("Notify for" in the settings).
struct NotificationRules {
    enum class Scope { AllItems, EscalatedOnly, MyCategories };

    bool newItems = true;
    bool slaBreaches = true;
    bool escalations = true;
    Scope scope = Scope::AllItems;
    QStringList categories; // MyCategories: these; none listed means every category

    // Whether an item is within the scope. Escalated only: items that were escalated, or whose
    // review deadline has passed (which is what an escalation reports).
    bool covers(const Action &action, bool pastDeadline = false) const
    {
        switch (scope) {
        case Scope::AllItems:
            return true;
        case Scope::EscalatedOnly:
            return action.escalated || pastDeadline;
        case Scope::MyCategories:
            return categories.isEmpty() || categories.contains(action.category);
        }
        return true;
    }

    bool operator==(const NotificationRules &other) const = default;
};

} // namespace Countersign
