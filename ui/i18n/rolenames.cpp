#include "i18n/rolenames.h"

namespace Countersign {

QString RoleNames::displayName(const QString &role)
{
    if (role == QLatin1String("agent"))
        return tr("agent");
    if (role == QLatin1String("reviewer"))
        return tr("reviewer");
    if (role == QLatin1String("lead"))
        return tr("lead reviewer");
    if (role == QLatin1String("admin"))
        return tr("administrator");
    return role.isEmpty() ? tr("no role") : role;
}

} // namespace Countersign
