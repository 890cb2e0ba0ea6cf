#pragma once

#include "clicommand.h"

namespace Countersign::Cli {

// `countersign-cli hook claude-code [--server URL] [--token-file F] [--timeout S]
// [--fallback deny|ask]`: a Claude Code PreToolUse hook. Reads the hook input from stdin,
// submits the tool call as an action, waits for the countersignature and prints the hook's
// JSON answer. Always exits 0 with an answer, so Claude Code never reads a crash as "no
// objection": malformed input and refusals deny; an unreachable server or a decision that
// does not come in time gets the fallback (deny unless --fallback ask).
class HookCommand
{
public:
    static CliCommand command();
    static int run(const QStringList &arguments);
};

} // namespace Countersign::Cli
