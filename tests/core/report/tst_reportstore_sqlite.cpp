// The report store tests against SQLite files; tst_reportstore_postgres runs the same cases.
#include "rawsqlite.h"
#include "reportstoretests.h"
#include "store/sqlite/sqlitemigrations.h"
#include "store/storefactory.h"

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
    ReportBackend sqlite{{QStringLiteral("sqlite"),
                             [&] {
                                 return dir.filePath(QStringLiteral("reports-%1.sqlite").arg(++counter));
                             },
                             [](const QString &location, const Clock &clock) {
                                 return createStore(location, clock);
                             },
                             {}},
        [](const QString &path, const QList<Action> &actions) -> Result<void> {
            RawSqlite raw(path);
            if (!raw.isOpen())
                return fail(Error::unavailable(raw.lastError()));
            if (auto migrated = SqliteMigrations::migrate(raw.db(), path, 3); !migrated)
                return fail(migrated.error());
            if (!raw.exec(QStringLiteral("BEGIN")))
                return fail(Error::internal(raw.lastError()));
            for (const Action &a : actions) {
                if (!raw.exec(ReportStoreTests::insertActionSql(), ReportStoreTests::actionRow(a)))
                    return fail(Error::internal(raw.lastError()));
            }
            if (!raw.exec(QStringLiteral("COMMIT")))
                return fail(Error::internal(raw.lastError()));
            return {};
        }};
    ReportStoreTests tests(std::move(sqlite));
    return QTest::qExec(&tests, argc, argv);
}
