#pragma once

#include "testserver.h"

#include <QString>

#include <memory>

namespace Countersign::Test {

// A loopback server running the shipped Claude Code example policy
// (examples/claude-code/policy.json, the one docs/integrations/claude-code.md tells users to
// load); null when the policy cannot be read or the server does not start.
std::unique_ptr<TestServer> startWithClaudeCodePolicy();

// Writes a new agent token ("claude-code"), newline-terminated as a user's file would be, to
// `path`, for the hook's --token-file. False when the file cannot be written.
bool writeHookTokenFile(TestServer &server, const QString &path);

} // namespace Countersign::Test
