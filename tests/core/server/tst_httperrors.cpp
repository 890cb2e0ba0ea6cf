#include "server/httperrors.h"
#include "server/role.h"
#include "server/route.h"

#include <QJsonDocument>
#include <QTest>

using namespace Countersign;

class TestHttpErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusTable_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("invalid") << int(ErrorCode::InvalidArgument) << 400 << QStringLiteral("invalid_argument");
        QTest::newRow("unauthorized") << int(ErrorCode::Unauthorized) << 401 << QStringLiteral("unauthorized");
        QTest::newRow("forbidden") << int(ErrorCode::Forbidden) << 403 << QStringLiteral("forbidden");
        QTest::newRow("policy") << int(ErrorCode::PolicyViolation) << 403 << QStringLiteral("policy_violation");
        QTest::newRow("not found") << int(ErrorCode::NotFound) << 404 << QStringLiteral("not_found");
        QTest::newRow("conflict") << int(ErrorCode::Conflict) << 409 << QStringLiteral("conflict");
        QTest::newRow("too large") << int(ErrorCode::PayloadTooLarge) << 413 << QStringLiteral("payload_too_large");
        QTest::newRow("rate") << int(ErrorCode::RateLimited) << 429 << QStringLiteral("rate_limited");
        QTest::newRow("unavailable") << int(ErrorCode::Unavailable) << 503 << QStringLiteral("unavailable");
        QTest::newRow("internal") << int(ErrorCode::Internal) << 500 << QStringLiteral("internal");
    }
    void statusTable()
    {
        QFETCH(int, code);
        QFETCH(int, status);
        QFETCH(QString, name);
        QCOMPARE(int(HttpErrors::status(ErrorCode(code))), status);
        const QJsonObject body = HttpErrors::body(Error{ErrorCode(code), QStringLiteral("m"), QStringLiteral("f")});
        const QJsonObject e = body.value(QLatin1String("error")).toObject();
        QCOMPARE(e.value(QLatin1String("code")).toString(), name);
        QCOMPARE(e.value(QLatin1String("message")).toString(), QStringLiteral("m"));
        QCOMPARE(e.value(QLatin1String("field")).toString(), QStringLiteral("f"));
    }

    void fieldIsOmittedWhenEmpty()
    {
        const QJsonObject e
            = HttpErrors::body(Error::notFound(QStringLiteral("gone"))).value(QLatin1String("error")).toObject();
        QVERIFY(!e.contains(QLatin1String("field")));
    }

    void routePatterns()
    {
        Route r;
        r.path = QStringLiteral("/v1/actions/{id}/claim");
        QCOMPARE(r.pathParameter(), QStringLiteral("id"));
        QCOMPARE(r.qtPattern(), QStringLiteral("/v1/actions/<arg>/claim"));
        QVERIFY(r.matchesPath(QStringLiteral("/v1/actions/abc-1/claim")));
        QVERIFY(!r.matchesPath(QStringLiteral("/v1/actions/abc/def/claim")));
        QVERIFY(!r.matchesPath(QStringLiteral("/v1/actions/abc")));
        Route plain;
        plain.path = QStringLiteral("/v1/actions");
        QVERIFY(plain.pathParameter().isEmpty());
        QVERIFY(plain.matchesPath(QStringLiteral("/v1/actions")));
        QVERIFY(!plain.matchesPath(QStringLiteral("/v1/actionsx")));
    }

    void roleLadder()
    {
        QVERIFY(roleHasAccess(Role::Agent, Access::Agent));
        QVERIFY(!roleHasAccess(Role::Reviewer, Access::Agent));
        QVERIFY(!roleHasAccess(Role::Agent, Access::Reviewer));
        QVERIFY(roleHasAccess(Role::Lead, Access::Reviewer));
        QVERIFY(!roleHasAccess(Role::Reviewer, Access::Lead));
        QVERIFY(roleHasAccess(Role::Admin, Access::Lead));
        QVERIFY(!roleHasAccess(Role::Lead, Access::Admin));
        QVERIFY(roleHasAccess(Role::Agent, Access::Authenticated));
        QCOMPARE(roleFromName(QStringLiteral("lead")), Role::Lead);
        QVERIFY(!roleFromName(QStringLiteral("root")));
    }
};

QTEST_GUILESS_MAIN(TestHttpErrors)
#include "tst_httperrors.moc"
