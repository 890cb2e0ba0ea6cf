#include "reportseeding.h"

#include "report/reportwindow.h"
#include "testresult.h"

#include <QSignalSpy>

namespace Countersign::Test {

std::unique_ptr<ServerConnection> connectAs(QueueServer &server, Role role, const QString &name)
{
    const auto token = server.issueToken(role, name);
    if (!token)
        return {};
    auto c = std::make_unique<ServerConnection>();
    c->setServer(server.baseUrl(), QString::fromUtf8(*token));
    return c;
}

QJsonObject submitSeedAction(ServerConnection &agent, const QString &type, int n, const QString &reasoning)
{
    const QJsonObject body{{QStringLiteral("type"), type},
        {QStringLiteral("title"), QStringLiteral("%1 #%2").arg(type).arg(n)},
        {QStringLiteral("payload"),
            QJsonObject{{QStringLiteral("content"), QStringLiteral("draft %1\n").arg(n)},
                {QStringLiteral("language"), QStringLiteral("markdown")}}},
        {QStringLiteral("reasoning"), reasoning}, {QStringLiteral("context"), QJsonObject{}},
        {QStringLiteral("confidence"), 0.9}};
    const auto r = awaitFinished(agent.sendJson(QByteArrayLiteral("POST"), QStringLiteral("/v1/actions"), body));
    return r ? *r : QJsonObject{};
}

std::unique_ptr<ReportWindow> openTodaysReport(ServerConnection *lead)
{
    auto window = std::make_unique<ReportWindow>(lead);
    window->resize(1200, 820);
    window->show();
    QSignalSpy refreshed(window.get(), &ReportWindow::refreshed);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    window->setDates(today.addDays(-1), today.addDays(1));
    if (!refreshed.wait(20000) && refreshed.isEmpty())
        return nullptr;
    return window;
}

} // namespace Countersign::Test
