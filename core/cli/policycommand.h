#pragma once

#include "clicommand.h"

#include <QString>

namespace Countersign {
struct SimulationReport;
}

namespace Countersign::Cli {

// `countersign-cli policy simulate --policy FILE [--from T] [--to T] [--json] [--server URL]
// [--token-file F]`: asks the server what the policy document in FILE would have done to the
// window's actions (POST /v1/policy/simulate, a lead's or admin's token) and prints a table per
// action type, or the server's JSON. For policy changes kept in version control.
// Exit status: 0 nothing would move, 1 some actions would change tier, 2 error.
class PolicyCommand
{
public:
    static CliCommand command();
    static int run(const QStringList &arguments);

    // The table the command prints.
    static QString table(const SimulationReport &report);
};

} // namespace Countersign::Cli
