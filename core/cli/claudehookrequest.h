#pragma once

#include "claudefilechange.h"

#include "domain/error.h"

#include <QJsonObject>
#include <QString>

namespace Countersign::Cli {

// What Claude Code hands a PreToolUse hook on stdin, checked, and how it becomes a Countersign
// action: type claude_code.<tool>, the part of the tool input a reviewer judges (and may edit)
// as the payload, and the whole tool input (very long texts shortened) in the context, where
// policies match on it.
//
// Relied on from the hook input: tool_name, tool_input (an object), tool_use_id, session_id,
// cwd, transcript_path, hook_event_name. Unknown fields are ignored, so newer Claude Code
// versions that add fields keep working.
class ClaudeHookRequest
{
public:
    static Result<ClaudeHookRequest> parse(const QByteArray &json);

    QString toolName() const { return m_toolName; }
    QString toolUseId() const { return m_toolUseId; }
    QString sessionId() const { return m_sessionId; }
    QString cwd() const { return m_cwd; }
    QString transcriptPath() const { return m_transcriptPath; }
    QJsonObject toolInput() const { return m_toolInput; }

    // claude_code.bash, claude_code.edit, ... (lower case; characters types may not hold become _).
    QString actionType() const;
    // The tool-input field that is the payload: command, content, new_string, url; empty when
    // the whole input is the payload (as JSON).
    QString payloadField() const;
    QString payloadContent() const;
    QString payloadLanguage() const;
    // What a file-changing tool replaces (see ClaudeFileChange), for the reviewer's diff.
    std::optional<QString> payloadOriginal() const;
    // One short human line: "Run: git push", "Edit src/main.cpp".
    QString title() const;
    // tool_name, tool_input (every field; texts past 64 KiB, or past 256 KiB in all, keep their
    // head and a marker, and tool_input_truncated is true; url, command, file_path,
    // notebook_path and path are never shortened), cwd, session_id, tool_use_id; for Bash also
    // command; original_note when the original text of a change is empty or missing for a reason.
    QJsonObject context() const;
    // The POST /v1/actions body; `reasoning` may be empty.
    QJsonObject submitBody(const QString &reasoning) const;
    // The tool input with the reviewer's edited payload in place of the original.
    Result<QJsonObject> editedInput(const QString &content) const;

    // A language hint for the reviewer's syntax highlighting, from a file name.
    static QString languageForPath(const QString &path);

private:
    QString relativePath(const QString &path) const;

    QString m_toolName;
    QString m_toolUseId;
    QString m_sessionId;
    QString m_cwd;
    QString m_transcriptPath;
    QString m_hookEventName;
    QJsonObject m_toolInput;
    std::optional<ClaudeFileChange> m_change;
};

} // namespace Countersign::Cli
