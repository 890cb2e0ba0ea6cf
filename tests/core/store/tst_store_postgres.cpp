// The store test suite against PostgreSQL: the same backend-neutral tests as tst_store_sqlite,
// then the PostgreSQL-specific ones. The server comes from the ctest fixture "postgres"
// (COUNTERSIGN_TEST_PG_URL); without one every suite skips with the reason.
#include "postgresstoretests.h"
#include "postgrestestserver.h"
#include "store/storefactory.h"
#include "storeactiontests.h"
#include "storelogtests.h"
#include "storequerytests.h"

#include <QCoreApplication>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const StoreBackend postgres{QStringLiteral("postgresql"),
        [] {
            auto url = PostgresTestServer::createDatabase();
            if (!url)
                qWarning("cannot create a test database: %s", qPrintable(url.error().message));
            return url.value_or(QString());
        },
        [](const QString &location, const Clock &clock) {
            return createStore(location, clock);
        },
        [] {
            return PostgresTestServer::unavailableReason().value_or(QString());
        }};

    StoreActionTests actions(postgres);
    StoreQueryTests queries(postgres);
    StoreLogTests logs(postgres);
    PostgresStoreTests postgresSpecific;
    int failed = 0;
    for (QObject *suite : std::initializer_list<QObject *>{&actions, &queries, &logs, &postgresSpecific})
        failed += QTest::qExec(suite, argc, argv);
    return failed;
}
