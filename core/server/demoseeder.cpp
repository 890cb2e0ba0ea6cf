#include "demoseeder.h"

#include "actionsubmitter.h"
#include "demoactions.h"
#include "logging.h"
#include "queueserver.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace Countersign {

DemoSeeder::DemoSeeder(QueueServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_random(QRandomGenerator::securelySeeded())
{
    connect(&m_timer, &QTimer::timeout, this, &DemoSeeder::submitOne);
}

Result<QJsonObject> DemoSeeder::createTokens(const QString &file)
{
    QJsonObject tokens;
    for (Role role : {Role::Agent, Role::Reviewer, Role::Lead, Role::Admin}) {
        auto token = m_server->issueToken(role, QStringLiteral("demo-") + roleName(role));
        if (!token)
            return fail(token.error());
        tokens.insert(roleName(role), QString::fromLatin1(*token));
    }
    const QJsonObject document{
        {QStringLiteral("server"), m_server->baseUrl().toString()}, {QStringLiteral("tokens"), tokens}};
    QDir().mkpath(QFileInfo(file).absolutePath());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(document).toJson()) < 0 || !out.commit())
        return fail(Error::unavailable(QStringLiteral("cannot write %1: %2").arg(file, out.errorString())));
    QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return document;
}

void DemoSeeder::start(int initial, std::chrono::milliseconds interval)
{
    for (int i = 0; i < initial; ++i)
        submitOne();
    m_timer.start(interval);
}

void DemoSeeder::stop()
{
    m_timer.stop();
}

void DemoSeeder::submitOne()
{
    const DemoActions::Proposal proposal = DemoActions::make(m_random, ++m_serial);
    auto request = SubmitRequest::fromJson(proposal.body);
    if (!request) {
        qCWarning(lcServer) << "demo proposal refused:" << request.error().toString();
        return;
    }
    m_server->submitter()->submit(
        *request, Identity{proposal.agent, Role::Agent}, this, [this](Result<ActionSubmitter::Outcome> outcome) {
            if (outcome)
                ++m_submitted;
            else
                qCWarning(lcServer) << "demo submit failed:" << outcome.error().toString();
        });
}

} // namespace Countersign
