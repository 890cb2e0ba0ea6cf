#include "claudehookanswer.h"

#include "claudehookrequest.h"

namespace Countersign::Cli {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ClaudeHookAnswer::ClaudeHookAnswer(Permission permission, QString reason, std::optional<QJsonObject> updatedInput)
    : m_permission(permission)
    , m_reason(std::move(reason))
    , m_updatedInput(std::move(updatedInput))
{ }

ClaudeHookAnswer ClaudeHookAnswer::allow(const QString &reason, std::optional<QJsonObject> updatedInput)
{
    return ClaudeHookAnswer(Permission::Allow, reason, std::move(updatedInput));
}

ClaudeHookAnswer ClaudeHookAnswer::deny(const QString &reason)
{
    return ClaudeHookAnswer(Permission::Deny, reason, std::nullopt);
}

ClaudeHookAnswer ClaudeHookAnswer::ask(const QString &reason)
{
    return ClaudeHookAnswer(Permission::Ask, reason, std::nullopt);
}

ClaudeHookAnswer ClaudeHookAnswer::forAction(
    const ClaudeHookRequest &request, const QJsonObject &action, const ClaudeHookAnswer &whenUndecided)
{
    const QString state = str(action, "state");
    const QString by = str(action, "decided_by");
    const QString reason = str(action, "reason");
    const QString id = str(action, "id");
    if (state == QLatin1String("approved")) {
        if (by == QLatin1String("policy"))
            return allow(QStringLiteral("Countersign: approved by policy (%1)").arg(str(action, "tier_reason")));
        if (!action.value(QLatin1String("modified")).toBool())
            return allow(QStringLiteral("Countersign: approved by %1").arg(by));
        const QString edited
            = action.value(QLatin1String("final_payload")).toObject().value(QLatin1String("content")).toString();
        auto input = request.editedInput(edited);
        if (!input)
            return deny(
                QStringLiteral("Countersign: %1 approved an edited version, but %2").arg(by, input.error().message));
        return allow(
            QStringLiteral("Countersign: approved by %1 with edits; run the edited input instead of the original")
                .arg(by),
            *input);
    }
    if (state == QLatin1String("rejected")) {
        if (by == QLatin1String("policy") || str(action, "tier") == QLatin1String("prohibited"))
            return deny(QStringLiteral("Countersign: prohibited by policy: %1").arg(reason));
        return deny(QStringLiteral("Countersign: rejected by %1: %2").arg(by, reason));
    }
    if (state == QLatin1String("expired"))
        return deny(QStringLiteral("Countersign: action %1 expired without a decision").arg(id));
    if (state == QLatin1String("withdrawn"))
        return deny(QStringLiteral("Countersign: action %1 was withdrawn").arg(id));
    if (state == QLatin1String("pending"))
        return whenUndecided;
    return deny(QStringLiteral("Countersign: action %1 is in an unknown state \"%2\"").arg(id, state));
}

QString ClaudeHookAnswer::permissionName(Permission permission)
{
    switch (permission) {
    case Permission::Allow:
        return QStringLiteral("allow");
    case Permission::Deny:
        return QStringLiteral("deny");
    case Permission::Ask:
        return QStringLiteral("ask");
    }
    return QStringLiteral("deny");
}

QJsonObject ClaudeHookAnswer::toJson() const
{
    QJsonObject specific{{QStringLiteral("hookEventName"), QStringLiteral("PreToolUse")},
        {QStringLiteral("permissionDecision"), permissionName(m_permission)},
        {QStringLiteral("permissionDecisionReason"), m_reason}};
    if (m_updatedInput)
        specific.insert(QStringLiteral("updatedInput"), *m_updatedInput);
    return QJsonObject{{QStringLiteral("hookSpecificOutput"), specific}};
}

} // namespace Countersign::Cli
