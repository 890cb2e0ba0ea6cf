#include "smtpsender.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace Countersign {

namespace {

struct Upload {
    QByteArray data;
    qsizetype offset = 0;
};

size_t readBody(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t room = size * count;
    const size_t left = size_t(upload->data.size() - upload->offset);
    const size_t n = qMin(room, left);
    std::memcpy(buffer, upload->data.constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

int progress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    // Non-zero aborts the transfer (CURLE_ABORTED_BY_CALLBACK).
    return static_cast<const std::atomic_bool *>(user)->load() ? 1 : 0;
}

QByteArray angle(const QString &address)
{
    return '<' + address.trimmed().toUtf8() + '>';
}

} // namespace

SmtpSender::SmtpSender(Settings settings)
    : m_settings(std::move(settings))
{ }

void SmtpSender::initialize()
{
    static std::once_flag once;
    std::call_once(once, [] {
        curl_global_init(CURL_GLOBAL_DEFAULT);
    });
}

Result<void> SmtpSender::send(const MailMessage &message, const std::atomic_bool &cancelled) const
{
    initialize();
    CURL *curl = curl_easy_init();
    if (!curl)
        return fail(Error::internal(QStringLiteral("libcurl could not start a transfer")));
    const QByteArray url = m_settings.url.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray from = angle(message.from);
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    curl_slist *recipients = nullptr;
    for (const QString &to : message.to)
        recipients = curl_slist_append(recipients, angle(to).constData());
    Upload upload{message.toRfc5322()};
    char errors[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // no SIGALRM: we run on a worker thread
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readBody);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_settings.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin<qint64>(m_settings.timeout.count(), 10'000)));
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &cancelled);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
        // A password never crosses the network in the clear: STARTTLS is required for smtp://.
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    } else {
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_TRY));
    }

    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return {};
    const QString reason = errors[0] ? QString::fromUtf8(errors) : QString::fromUtf8(curl_easy_strerror(code));
    return fail(Error::unavailable(reply > 0 ? QStringLiteral("%1 (last reply %2)").arg(reason).arg(reply) : reason));
}

} // namespace Countersign
