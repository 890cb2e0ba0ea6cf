#pragma once

#include <QByteArray>
#include <QString>

namespace Countersign::Cli {

// Unbuffered writes to stdout and stderr: integrations speak line protocols to a parent
// process that must see each answer the moment it is complete.
class Console
{
public:
    static void out(const QByteArray &bytes);
    static void out(const QString &text) { out(text.toUtf8()); }
    static void err(const QString &text);
};

} // namespace Countersign::Cli
