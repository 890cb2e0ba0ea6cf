#include "storefactory.h"

#include "postgres/postgresnotifier.h"
#include "postgres/postgresstore.h"
#include "sqlite/sqlitestore.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace Countersign {

namespace {

Error badLocation(const QString &why)
{
    return Error::invalid(QStringLiteral("location"), why);
}

// "mode=ro&busy_timeout_ms=2000&max_size=1073741824" after "sqlite:PATH?".
Result<SqliteOptions> parseSqliteOptions(const QString &text)
{
    SqliteOptions options;
    const QUrlQuery query(text);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        bool ok = true;
        if (key == QLatin1String("mode")) {
            ok = value == QLatin1String("ro") || value == QLatin1String("rw");
            options.readOnly = value == QLatin1String("ro");
        } else if (key == QLatin1String("busy_timeout_ms")) {
            options.busyTimeoutMs = value.toInt(&ok);
            ok = ok && options.busyTimeoutMs >= 0;
        } else if (key == QLatin1String("max_size")) {
            options.maxSizeBytes = value.toLongLong(&ok);
            ok = ok && options.maxSizeBytes >= 0;
        } else {
            return fail(badLocation(
                QStringLiteral("unknown SQLite option \"%1\" (known: mode, busy_timeout_ms, max_size)").arg(key)));
        }
        if (!ok)
            return fail(badLocation(QStringLiteral("invalid value \"%1\" for the SQLite option %2").arg(value, key)));
    }
    return options;
}

bool isPostgresLocation(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

} // namespace

Result<std::unique_ptr<Store>> createStore(const QString &location, const Clock &clock)
{
    if (isPostgresLocation(location)) {
        auto options = PostgresOptions::fromUrl(location);
        if (!options)
            return fail(options.error());
        return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(*options), clock));
    }

    QString path = location;
    SqliteOptions options;
    if (location.startsWith(QLatin1String("sqlite:"))) {
        path = location.mid(7);
        const qsizetype query = path.indexOf(u'?');
        if (query >= 0) {
            auto parsed = parseSqliteOptions(path.mid(query + 1));
            if (!parsed)
                return fail(parsed.error());
            options = *parsed;
            path.truncate(query);
        }
    } else {
        static const QRegularExpression otherScheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
        if (const auto m = otherScheme.match(location); m.hasMatch())
            return fail(badLocation(QStringLiteral("unknown store type \"%1\" (use a file path, sqlite:PATH or "
                                                   "postgresql://...)")
                    .arg(m.captured(1))));
    }
    if (path.isEmpty())
        return fail(badLocation(QStringLiteral("names no database file")));
    return std::unique_ptr<Store>(std::make_unique<SqliteStore>(path, clock, options));
}

Result<std::unique_ptr<StoreNotifier>> createStoreNotifier(const QString &location)
{
    if (!isPostgresLocation(location))
        return std::unique_ptr<StoreNotifier>();
    auto options = PostgresOptions::fromUrl(location);
    if (!options)
        return fail(options.error());
    return std::unique_ptr<StoreNotifier>(std::make_unique<PostgresNotifier>(std::move(*options)));
}

} // namespace Countersign
