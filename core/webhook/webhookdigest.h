#pragma once

#include "webhookdelivery.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <chrono>

namespace Countersign {

class Clock;

// Grouped chat messages: when more than `threshold` deliveries to one slack or teams webhook
// are due together, created within `window` of now, they go out as one digest message ("8
// actions wait for review: ..." with up to `listed` titles and links, then "and 3 more")
// instead of one message each. json webhooks never group: each delivery keeps its own id and
// signature. Pure logic on an injected Clock; WebhookDispatcher sends what it groups.
class WebhookDigest
{
public:
    struct Settings {
        int threshold = 5; // more than this many: one digest (0: never group)
        std::chrono::milliseconds window{60'000};
        int listed = 10; // titles named in a digest
    };

    WebhookDigest(Settings settings, const Clock &clock);

    // `claimed` in groups, in their order: a digest's deliveries together, every other alone.
    QList<QList<ClaimedDelivery>> group(const QList<ClaimedDelivery> &claimed) const;
    // The digest message for `group` (one webhook's deliveries) in its webhook's format.
    QByteArray body(const QList<ClaimedDelivery> &group, const QUrl &publicUrl) const;
    // Its first line, e.g. "8 actions wait for review".
    static QString summary(const QList<ClaimedDelivery> &group);

private:
    bool groupable(const ClaimedDelivery &claimed) const;

    Settings m_settings;
    const Clock &m_clock;
};

} // namespace Countersign
