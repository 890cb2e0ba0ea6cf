#include "style/icons.h"

#include "style/svgiconengine.h"

namespace Countersign {

namespace {

struct IconNames {
    const char *file;
    const char *theme;
};

constexpr IconNames names(Icons::Icon which)
{
    switch (which) {
    case Icons::Approve:
        return {"approve", "dialog-ok-apply"};
    case Icons::Reject:
        return {"reject", "dialog-cancel"};
    case Icons::Modify:
        return {"modify", "document-edit"};
    case Icons::Next:
        return {"next", "go-next"};
    case Icons::Previous:
        return {"previous", "go-previous"};
    case Icons::Batch:
        return {"batch", "checkbox"};
    case Icons::History:
        return {"history", "view-history"};
    case Icons::Report:
        return {"report", "office-chart-bar"};
    case Icons::Connected:
        return {"connected", "network-connect"};
    case Icons::Disconnected:
        return {"disconnected", "network-disconnect"};
    case Icons::App:
        break;
    }
    return {"countersign", "countersign"};
}

} // namespace

QString Icons::fileName(Icon which)
{
    return QString::fromLatin1(names(which).file);
}

QString Icons::themeName(Icon which)
{
    return QString::fromLatin1(names(which).theme);
}

QString Icons::resourcePath(Icon which)
{
    return QStringLiteral(":/countersign/icons/") + fileName(which) + QStringLiteral(".svg");
}

QIcon Icons::bundled(Icon which)
{
    return QIcon(new SvgIconEngine(resourcePath(which)));
}

QIcon Icons::icon(Icon which)
{
    return QIcon::fromTheme(themeName(which), bundled(which));
}

QList<Icons::Icon> Icons::all()
{
    return {Approve, Reject, Modify, Next, Previous, Batch, History, Report, Connected, Disconnected, App};
}

} // namespace Countersign
