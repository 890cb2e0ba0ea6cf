#pragma once

#include "clicommand.h"

namespace Countersign::Cli {

// `countersign-cli submit --server URL --token T --type TYPE --title TEXT --payload-file F
// [--original-file F] [--language L] [--context-file F] [--confidence C] [--category C] [--wait]`: submits an action
// for countersignature and prints the action JSON (with --wait, once it is decided).
// --original-file is the text a change replaces (payload.original): the reviewer sees a diff.
// Exit status: 0 approved, 1 rejected, 2 expired or withdrawn, 3 error, 4 still pending (no --wait).
// The token may also come from COUNTERSIGN_TOKEN. Retries are safe: every submit carries an
// idempotency key.
class SubmitCommand
{
public:
    static CliCommand command();
    static int run(const QStringList &arguments);
};

} // namespace Countersign::Cli
