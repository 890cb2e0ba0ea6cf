#pragma once

#include <QString>

namespace Countersign::Cli {

// Claude Code's session transcript (JSON Lines, one entry per line). The hook sends the
// assistant's last words before the tool call as the action's reasoning, so the reviewer
// reads why the agent wants to do it.
class ClaudeTranscript
{
public:
    // The text of the newest assistant entry that has text, or empty when the file is missing,
    // unreadable or garbled. Reads at most the last `tailBytes` of a long transcript.
    static QString lastAssistantText(const QString &path, qint64 tailBytes = 4 * 1024 * 1024);
};

} // namespace Countersign::Cli
