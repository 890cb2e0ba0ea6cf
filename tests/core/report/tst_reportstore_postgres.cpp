// The report store tests against PostgreSQL: the same cases as tst_reportstore_sqlite. The server
// comes from the ctest fixture "postgres" (COUNTERSIGN_TEST_PG_URL); without one they skip.
#include "postgrestestserver.h"
#include "reportstoretests.h"
#include "store/postgres/postgresstore.h"
#include "store/storefactory.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Countersign;
using namespace Countersign::Test;

namespace {

// A version 3 database as the PostgreSQL store of releases 1-3 left it, rows inserted in one
// transaction on a connection of its own (the store has no way to write them at version 3).
Result<void> createVersion3(const QString &url, const QList<Action> &actions)
{
    auto options = PostgresOptions::fromUrl(url);
    if (!options)
        return fail(options.error());
    {
        const ManualClock clock;
        PostgresStore old(*options, clock);
        if (auto opened = old.openAtVersion(3); !opened)
            return opened;
    }
    const QString name = QStringLiteral("countersign.test.reports.v3");
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(options->host);
        db.setPort(options->port);
        db.setUserName(options->user);
        db.setPassword(options->password);
        db.setDatabaseName(options->database);
        auto failed = [&](const QSqlError &e) {
            return fail(Error::internal(e.text()));
        };
        if (!db.open()) {
            result = failed(db.lastError());
        } else if (!db.transaction()) {
            result = failed(db.lastError());
        } else {
            QSqlQuery q(db);
            if (!q.prepare(ReportStoreTests::insertActionSql()))
                result = failed(q.lastError());
            for (qsizetype i = 0; result && i < actions.size(); ++i) {
                const QVariantList values = ReportStoreTests::actionRow(actions.at(i));
                for (qsizetype v = 0; v < values.size(); ++v)
                    q.bindValue(int(v), values.at(v));
                if (!q.exec())
                    result = failed(q.lastError());
            }
            q.finish();
            if (result && !db.commit())
                result = failed(db.lastError());
            if (!result)
                db.rollback();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ReportBackend postgres{{QStringLiteral("postgresql"),
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
                               }},
        createVersion3};
    ReportStoreTests tests(std::move(postgres));
    return QTest::qExec(&tests, argc, argv);
}
