#include "tokenstore.h"

#include "settingslogging.h"

#include <QPromise>

#ifdef COUNTERSIGN_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

#include <memory>

namespace Countersign {

namespace {

template<typename T>
QFuture<T> ready(T value)
{
    return QtFuture::makeReadyValueFuture(std::move(value));
}

#ifdef COUNTERSIGN_HAVE_KEYCHAIN
// Errors that mean "there is no keychain here", as opposed to "this entry failed".
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented;
}

QString describe(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::AccessDeniedByUser:
        return TokenStore::tr("Access to the keychain was denied.");
    case QKeychain::AccessDenied:
        return TokenStore::tr("The keychain refused access: %1").arg(job->errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return TokenStore::tr("No keychain service is available: %1").arg(job->errorString());
    default:
        return TokenStore::tr("The keychain reported an error: %1").arg(job->errorString());
    }
}

// Never QtKeychain's "insecure fallback", which would write the token to a plain settings file.
template<typename Job>
Job *makeJob(const QString &profile, QObject *parent)
{
    auto *job = new Job(TokenStore::serviceName(), parent);
    job->setKey(TokenStore::keyFor(profile));
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    return job;
}
#endif

} // namespace

TokenStore::TokenStore(Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
{
    if (m_mode == Mode::SessionOnly)
        setAvailability(Availability::Unavailable, tr("The system keychain is not used in this session."));
    else if (!keychainCompiledIn())
        setAvailability(Availability::Unavailable, tr("This build of Countersign has no keychain support."));
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    // Cheap check (no D-Bus round trip to a wallet): is any backend present at all?
    else if (!QKeychain::isAvailable())
        setAvailability(
            Availability::Unavailable, tr("No keychain service is running (such as KWallet or GNOME Keyring)."));
#endif
}

TokenStore::~TokenStore() = default;

bool TokenStore::keychainCompiledIn()
{
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString TokenStore::keyFor(const QString &profile)
{
    return QStringLiteral("countersign/") + profile;
}

QString TokenStore::serviceName()
{
    return QStringLiteral("Countersign");
}

void TokenStore::setAvailability(Availability availability, const QString &reason)
{
    if (availability == Availability::Available)
        m_reason.clear();
    else
        m_reason = reason;
    if (m_availability == availability)
        return;
    m_availability = availability;
    if (availability == Availability::Unavailable)
        qCInfo(lcSettings) << "Tokens are kept in memory only:" << reason;
    Q_EMIT availabilityChanged(availability);
}

QFuture<TokenStore::Availability> TokenStore::probe()
{
    if (m_availability != Availability::Unknown)
        return ready(m_availability);
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    if (m_probe.isValid() && !m_probe.isFinished())
        return m_probe;
    // Reading an entry that is usually absent tells a working keychain ("not found") from none.
    m_probe = readFromKeychain(QStringLiteral(".probe")).then(this, [this](const Result<QString> &) {
        if (m_availability == Availability::Unknown)
            setAvailability(Availability::Available, {});
        return m_availability;
    });
    return m_probe;
#else
    return ready(m_availability);
#endif
}

QFuture<Result<QString>> TokenStore::read(const QString &profile)
{
    const auto cached = m_session.constFind(profile);
    if (cached != m_session.cend())
        return ready(Result<QString>(*cached));
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    if (m_availability != Availability::Unavailable)
        return readFromKeychain(profile);
#endif
    return ready(Result<QString>(QString()));
}

QFuture<Result<void>> TokenStore::write(const QString &profile, const QString &token)
{
    if (token.isEmpty())
        return remove(profile);
    ++m_generation[profile];
    m_session.insert(profile, token);
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    if (m_availability != Availability::Unavailable)
        return writeToKeychain(profile, token);
#endif
    return ready(Result<void>());
}

QFuture<Result<void>> TokenStore::remove(const QString &profile)
{
    ++m_generation[profile];
    m_session.remove(profile);
#ifdef COUNTERSIGN_HAVE_KEYCHAIN
    if (m_availability != Availability::Unavailable)
        return removeFromKeychain(profile);
#endif
    return ready(Result<void>());
}

QFuture<Result<void>> TokenStore::move(const QString &from, const QString &to)
{
    if (from == to)
        return ready(Result<void>());
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    const quint64 generation = m_generation.value(to);
    read(from).then(this, [this, promise, from, to, generation](const Result<QString> &token) {
        auto finish = [promise](const Result<void> &r) {
            promise->addResult(r);
            promise->finish();
        };
        if (!token) {
            finish(fail(token.error()));
            return;
        }
        if (token->isEmpty()) {
            finish({});
            return;
        }
        if (m_generation.value(to) != generation) {
            // The renamed profile got a token of its own meanwhile: keep it, drop the old one.
            remove(from).then(this, finish);
            return;
        }
        write(to, *token).then(this, [this, from, finish](const Result<void> &written) {
            if (!written) {
                finish(written);
                return;
            }
            remove(from).then(this, finish);
        });
    });
    return promise->future();
}

#ifdef COUNTERSIGN_HAVE_KEYCHAIN
QFuture<Result<QString>> TokenStore::readFromKeychain(const QString &profile)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto *job = makeJob<QKeychain::ReadPasswordJob>(profile, this);
    connect(job, &QKeychain::Job::finished, this, [this, promise, profile, job] {
        Result<QString> result;
        if (job->error() == QKeychain::NoError) {
            setAvailability(Availability::Available, {});
            result = job->textData();
            m_session.insert(profile, *result);
        } else if (job->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available, {});
            result = QString();
        } else if (meansNoKeychain(job->error())) {
            setAvailability(Availability::Unavailable, describe(job));
            result = QString();
        } else {
            result = fail(Error::unavailable(describe(job)));
        }
        promise->addResult(result);
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> TokenStore::writeToKeychain(const QString &profile, const QString &token)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto *job = makeJob<QKeychain::WritePasswordJob>(profile, this);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, promise, job] {
        Result<void> result;
        if (job->error() == QKeychain::NoError) {
            setAvailability(Availability::Available, {});
        } else {
            // The token stays in memory for this run; the caller tells the user it was not saved.
            if (meansNoKeychain(job->error()))
                setAvailability(Availability::Unavailable, describe(job));
            result = fail(Error::unavailable(describe(job)));
        }
        promise->addResult(result);
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Result<void>> TokenStore::removeFromKeychain(const QString &profile)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    auto *job = makeJob<QKeychain::DeletePasswordJob>(profile, this);
    connect(job, &QKeychain::Job::finished, this, [this, promise, job] {
        Result<void> result;
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) {
            setAvailability(Availability::Available, {});
        } else if (meansNoKeychain(job->error())) {
            setAvailability(Availability::Unavailable, describe(job));
        } else {
            result = fail(Error::unavailable(describe(job)));
        }
        promise->addResult(result);
        promise->finish();
    });
    job->start();
    return promise->future();
}
#endif

} // namespace Countersign
