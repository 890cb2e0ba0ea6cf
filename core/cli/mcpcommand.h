#pragma once

#include "clicommand.h"

namespace Countersign::Cli {

// `countersign-cli mcp [--server URL] [--token-file F] [--request-wait S] [--progress-interval S]`:
// an MCP server on stdin/stdout offering request_approval and check_approval, for any MCP
// client. Requests are handled concurrently (a waiting request_approval holds nothing else up);
// logs go to stderr.
class McpCommand
{
public:
    static CliCommand command();
    static int run(const QStringList &arguments);
};

} // namespace Countersign::Cli
