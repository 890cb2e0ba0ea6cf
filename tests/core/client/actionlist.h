#pragma once

#include "client/actioncache.h"

#include <QHash>

namespace Countersign::Test {

// The plainest ActionCache: pending actions by id, as a tool without a queue view keeps them.
class ActionList : public ActionCache
{
public:
    void resetActions(QList<Action> actions) override
    {
        m_actions.clear();
        for (Action &a : actions)
            m_actions.insert(a.id, std::move(a));
    }
    void upsert(const Action &action) override
    {
        if (action.state == ActionState::Pending)
            m_actions.insert(action.id, action);
        else
            m_actions.remove(action.id);
    }
    const Action *findAction(const QString &id) const override
    {
        const auto it = m_actions.constFind(id);
        return it == m_actions.cend() ? nullptr : &*it;
    }
    qsizetype size() const { return m_actions.size(); }
    QStringList ids() const { return m_actions.keys(); }

private:
    QHash<QString, Action> m_actions;
};

} // namespace Countersign::Test
