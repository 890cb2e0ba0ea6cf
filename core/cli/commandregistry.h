#pragma once

#include "clicommand.h"

#include <QList>

namespace Countersign::Cli {

// Every subcommand countersign-cli knows. A new command adds itself here.
QList<CliCommand> commands();

// Runs `countersign-cli COMMAND ARGS...`; prints usage for unknown commands.
int dispatch(const QStringList &arguments);

} // namespace Countersign::Cli
