#include "hookserver.h"

#include "testdata.h"

#include <QFile>

namespace Countersign::Test {

std::unique_ptr<TestServer> startWithClaudeCodePolicy()
{
    QFile policy(sourcePath(QStringLiteral("examples/claude-code/policy.json")));
    if (!policy.open(QIODevice::ReadOnly))
        return {};
    ServerConfig config = TestServer::defaultConfig();
    config.policyDocument = policy.readAll();
    auto server = std::make_unique<TestServer>(config);
    if (!server->start())
        return {};
    return server;
}

bool writeHookTokenFile(TestServer &server, const QString &path)
{
    QFile token(path);
    return token.open(QIODevice::WriteOnly)
        && token.write(server.token(Role::Agent, QStringLiteral("claude-code")) + '\n') > 0;
}

} // namespace Countersign::Test
