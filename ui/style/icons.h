#pragma once

#include <QIcon>

namespace Countersign {

// The app's icons: the desktop icon theme's icon when it has one (so Breeze, Adwaita, ...
// apply), else our SVG from :/countersign/icons, drawn by SvgIconEngine at any size and
// device pixel ratio in the palette's colours.
class Icons
{
public:
    enum Icon {
        Approve,
        Reject,
        Modify,
        Next,
        Previous,
        Batch,
        History,
        Report,
        Connected,
        Disconnected,
        App,
    };

    static QIcon icon(Icon which);
    // Our own icon, ignoring the desktop theme.
    static QIcon bundled(Icon which);
    // "approve", "reject", ...: the SVG's base name.
    static QString fileName(Icon which);
    // The freedesktop/Breeze name tried first.
    static QString themeName(Icon which);
    static QString resourcePath(Icon which);
    static QList<Icon> all();
};

} // namespace Countersign
