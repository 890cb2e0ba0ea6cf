#pragma once

#include "domain/error.h"
#include "mailmessage.h"

#include <QUrl>

#include <atomic>
#include <chrono>

namespace Countersign {

// One SMTP conversation through libcurl (TLS with smtps:// or STARTTLS, authentication),
// blocking: AlertMailer calls it on a thread of its own, never on the event loop or the store
// thread. `cancelled` is polled during the conversation, so a hung relay does not hold a
// shutdown for longer than about a second.
class SmtpSender
{
public:
    struct Settings {
        QUrl url; // smtp://host:port or smtps://host:port
        QString user; // empty: no authentication
        QString password;
        std::chrono::milliseconds timeout{30'000};
    };

    explicit SmtpSender(Settings settings);

    // Error: unavailable, with libcurl's reason and the relay's last reply code.
    Result<void> send(const MailMessage &message, const std::atomic_bool &cancelled) const;

    // curl_global_init, once per process, before any thread sends.
    static void initialize();

private:
    Settings m_settings;
};

} // namespace Countersign
