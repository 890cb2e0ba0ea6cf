#pragma once

#include "domain/error.h"
#include "serverconfig.h"

#include <QHostAddress>

namespace Countersign {

// What countersign-server's command line asks for.
struct ServerOptions {
    ServerConfig config;
    bool demo = false;
    int demoInitial = 40;
    std::chrono::milliseconds demoInterval{4000};
};

// The two things countersign-server does, for app/countersign-server/main.cpp to call once
// it has parsed its arguments.
class ServerProgram
{
public:
    // QStandardPaths::AppDataLocation/countersign.db
    static QString defaultDatabasePath();
    // The directory a database file (PATH or sqlite:PATH?options) lives in, to create before
    // opening it; empty for a store URL (postgresql://...), which has none.
    static QString databaseDirectory(const QString &location);
    // "127.0.0.1:8470", "[::1]:8470", "0.0.0.0:0"
    static Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);
    // --spot-check-fraction: a number from 0 to 1 ("0.05"), or a percentage ("5%").
    static Result<double> parseSpotCheckFraction(const QString &text);

    // Before the QCoreApplication: Qt's own event dispatcher rather than GLib's, unless
    // QT_NO_GLIB is set already. The server uses nothing of GLib, and GLib's dispatcher writes to
    // its wake-up descriptor for every posted event where Qt's writes once until it runs: a few
    // system calls less per request (docs/performance.md).
    static void prepareProcess();

    // Runs the server until SIGTERM/SIGINT, then drains in-flight requests. Exit code.
    static int run(const ServerOptions &options);
    // Prints the new token alone on its last line (only its hash is stored). Exit code.
    static int createToken(const QString &storeLocation, const QString &role, const QString &name);
};

} // namespace Countersign
