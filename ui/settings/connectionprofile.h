#pragma once

#include <QString>
#include <QUrl>

namespace Countersign {

// One server the reviewer works with. The token is not part of it: it lives in the keychain
// (TokenStore) under "countersign/<name>".
struct ConnectionProfile {
    QString name;
    QUrl url;

    bool operator==(const ConnectionProfile &other) const = default;
};

} // namespace Countersign
