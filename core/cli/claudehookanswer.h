#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Countersign::Cli {

class ClaudeHookRequest;

// What a PreToolUse hook prints on stdout (with exit code 0):
//   {"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow"|"deny"|"ask",
//    "permissionDecisionReason": "...", "updatedInput": {...}}}
// Claude Code shows the reason to the model on deny, to the user on ask; updatedInput (only
// with allow here) replaces the tool's input before it runs.
class ClaudeHookAnswer
{
public:
    enum class Permission { Allow, Deny, Ask };

    static ClaudeHookAnswer allow(const QString &reason, std::optional<QJsonObject> updatedInput = std::nullopt);
    static ClaudeHookAnswer deny(const QString &reason);
    static ClaudeHookAnswer ask(const QString &reason);

    // The answer for a decided action (approved, rejected, expired, withdrawn); the fallback
    // answer `whenUndecided` for one still pending.
    static ClaudeHookAnswer forAction(
        const ClaudeHookRequest &request, const QJsonObject &action, const ClaudeHookAnswer &whenUndecided);

    Permission permission() const { return m_permission; }
    QString reason() const { return m_reason; }
    std::optional<QJsonObject> updatedInput() const { return m_updatedInput; }
    QJsonObject toJson() const;
    static QString permissionName(Permission permission);

private:
    ClaudeHookAnswer(Permission permission, QString reason, std::optional<QJsonObject> updatedInput);

    Permission m_permission;
    QString m_reason;
    std::optional<QJsonObject> m_updatedInput;
};

} // namespace Countersign::Cli
