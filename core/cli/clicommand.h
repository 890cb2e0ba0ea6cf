#pragma once

#include <QStringList>

#include <functional>

namespace Countersign::Cli {

// Exit codes follow each command's own convention (diff: 0 same, 1 different, 2 error).
using CommandFunction = std::function<int(const QStringList &arguments)>;

struct CliCommand {
    QString name;
    QString summary;
    CommandFunction run; // arguments after the command name
};

} // namespace Countersign::Cli
