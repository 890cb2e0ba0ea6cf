#pragma once

#include <QToolButton>
#include <QUrl>

namespace Countersign {

// "Open the agent's run": the action's trace_url as a link-like button that opens it with
// QDesktopServices. The URL is the agent's input: it is never rendered as rich text (the
// button's text is ours, the URL only a plain tooltip) and only an http(s) URL that passes
// TraceUrl is opened, whatever the server let through. Hidden when there is none.
class TraceLink : public QToolButton
{
    Q_OBJECT

public:
    explicit TraceLink(QWidget *parent = nullptr);

    void setTraceUrl(const QString &text);
    QUrl url() const { return m_url; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QUrl m_url;
};

} // namespace Countersign
