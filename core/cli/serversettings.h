#pragma once

#include "domain/error.h"

#include <QByteArray>
#include <QUrl>

class QCommandLineParser;
class QCommandLineOption;

namespace Countersign::Cli {

// Where an integration finds its server and agent token: --server and --token-file on the
// command line, else COUNTERSIGN_URL and COUNTERSIGN_TOKEN (or COUNTERSIGN_TOKEN_FILE) from the
// environment, which is how agent hosts usually hand secrets to the tools they spawn.
struct ServerSettings {
    QUrl server;
    QByteArray token;

    static QCommandLineOption serverOption();
    static QCommandLineOption tokenFileOption();
    static Result<ServerSettings> resolve(const QCommandLineParser &parser);
};

} // namespace Countersign::Cli
