#include "tracelink.h"

#include "domain/traceurl.h"

#include <QDesktopServices>
#include <QEvent>

namespace Countersign {

TraceLink::TraceLink(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("reviewTraceLink"));
    setText(tr("Open the agent's run"));
    setAutoRaise(true);
    setCursor(Qt::PointingHandCursor);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    applyPalette();
    hide();
    connect(this, &QToolButton::clicked, this, [this] {
        if (m_url.isValid())
            QDesktopServices::openUrl(m_url);
    });
}

void TraceLink::setTraceUrl(const QString &text)
{
    m_url = TraceUrl::toUrl(text);
    // The whole URL, so the reviewer sees where the link leads before following it.
    setToolTip(m_url.isValid() ? m_url.toDisplayString() : QString());
    setVisible(m_url.isValid());
}

void TraceLink::changeEvent(QEvent *event)
{
    QToolButton::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TraceLink::applyPalette()
{
    // The palette's link colour, so it reads as a link on light and dark themes alike.
    QPalette p = palette();
    const QColor link = p.color(QPalette::Link);
    if (p.color(QPalette::ButtonText) == link)
        return; // already applied (this very change caused the PaletteChange)
    p.setColor(QPalette::ButtonText, link);
    p.setColor(QPalette::WindowText, link);
    setPalette(p);
}

} // namespace Countersign
