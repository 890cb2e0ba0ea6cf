#pragma once

#include "clicommand.h"

namespace Countersign::Cli {

// `countersign-cli diff LEFT RIGHT [--word] [--context N] [--ignore-whitespace]`: the unified
// (or word) diff of two files on stdout. Exit status as diff(1): 0 same, 1 different, 2 trouble.
class DiffCommand
{
public:
    static CliCommand command();
    static int run(const QStringList &arguments);
};

} // namespace Countersign::Cli
