#include "commandregistry.h"

#include "countersignversion.h"

#include "diffcommand.h"
#include "hookcommand.h"
#include "mcpcommand.h"
#include "policycommand.h"
#include "submitcommand.h"

#include <QTextStream>

namespace Countersign::Cli {

QList<CliCommand> commands()
{
    return {
        DiffCommand::command(),
        HookCommand::command(),
        McpCommand::command(),
        PolicyCommand::command(),
        SubmitCommand::command(),
    };
}

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: countersign-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto &c : commands())
        out << "  " << c.name.leftJustified(10) << c.summary << '\n';
    out << "\nRun countersign-cli COMMAND --help for a command's options.\n";
}

} // namespace

int dispatch(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h")) {
        printUsage(arguments.size() < 2 ? err : out);
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        out << "countersign-cli " << COUNTERSIGN_VERSION << '\n';
        return 0;
    }
    for (const auto &c : commands()) {
        if (c.name == arguments.at(1))
            return c.run(arguments.mid(2));
    }
    err << "countersign-cli: unknown command '" << arguments.at(1) << "'\n\n";
    printUsage(err);
    return 2;
}

} // namespace Countersign::Cli
