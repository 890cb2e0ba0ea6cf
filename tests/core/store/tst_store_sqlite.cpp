// The store test suite against SQLite: the backend-neutral tests (which a PostgreSQL store will
// run unchanged with its own StoreBackend) followed by the SQLite-specific ones.
#include "sqlitemigrationtests.h"
#include "sqlitestoretests.h"
#include "store/storefactory.h"
#include "storeactiontests.h"
#include "storelogtests.h"
#include "storequerytests.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("cannot create a temporary directory");
    int counter = 0;
    const StoreBackend sqlite{QStringLiteral("sqlite"),
        [&] {
            return dir.filePath(QStringLiteral("store-%1.sqlite").arg(++counter));
        },
        [](const QString &location, const Clock &clock) {
            return createStore(location, clock);
        },
        {}};

    StoreActionTests actions(sqlite);
    StoreQueryTests queries(sqlite);
    StoreLogTests logs(sqlite);
    SqliteStoreTests sqliteSpecific;
    SqliteMigrationTests migrations;
    int failed = 0;
    for (QObject *suite : std::initializer_list<QObject *>{&actions, &queries, &logs, &sqliteSpecific, &migrations})
        failed += QTest::qExec(suite, argc, argv);
    return failed;
}
