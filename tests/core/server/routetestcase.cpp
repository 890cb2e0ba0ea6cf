#include "routetestcase.h"

#include <QTest>

namespace Countersign::Test {

void RouteTestCase::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_agent = m_server->token(Role::Agent, QStringLiteral("bot"));
    m_rita = m_server->token(Role::Reviewer, QStringLiteral("rita"));
}

void RouteTestCase::cleanup()
{
    m_server.reset();
}

QString RouteTestCase::submitPending(const QJsonObject &overrides)
{
    const HttpResult r = m_server->submit(m_agent, overrides);
    if (r.status != 201) {
        QTest::qFail(qPrintable(QStringLiteral("submit answered %1: %2").arg(r.status).arg(QString::fromUtf8(r.body))),
            __FILE__, __LINE__);
        return {};
    }
    return r.json().value(QLatin1String("id")).toString();
}

} // namespace Countersign::Test
