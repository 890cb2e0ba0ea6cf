#include "sqlmigrationset.h"

#include "domain/timeformat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Countersign {

Result<QList<SqlMigrationSet::Migration>> SqlMigrationSet::load(const QString &resourceDir, const QString &backend)
{
    static const QRegularExpression fileName(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    QList<Migration> migrations;
    const QStringList files = QDir(resourceDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = fileName.match(file);
        if (!match.hasMatch())
            return fail(Error::internal(QStringLiteral("migration file %1 is not named NNNN_name.sql").arg(file)));
        QFile f(resourceDir + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Error::internal(QStringLiteral("cannot read migration %1").arg(file)));
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = file.chopped(4);
        m.sql = QString::fromUtf8(f.readAll());
        if (m.version != migrations.size() + 1)
            return fail(Error::internal(QStringLiteral("migration %1 breaks the numbering: expected version %2")
                    .arg(file)
                    .arg(migrations.size() + 1)));
        migrations.append(m);
    }
    if (migrations.isEmpty())
        return fail(Error::internal(QStringLiteral("no %1schema migrations are embedded in this build").arg(backend)));
    return migrations;
}

Result<void> SqlMigrationSet::checkTarget(int targetVersion, int latest)
{
    if (targetVersion < 0 || targetVersion > latest)
        return fail(Error::invalid(QStringLiteral("version"),
            QStringLiteral("%1 is not a schema version of this build (1..%2)").arg(targetVersion).arg(latest)));
    return {};
}

Result<int> SqlMigrationSet::refuseNewer(Result<int> current, int latest, const QString &where)
{
    if (current && *current > latest)
        return fail(Error::unavailable(QStringLiteral("the database %1 has schema version %2, newer than the %3 this "
                                                      "build of Countersign supports; use a newer release")
                .arg(where)
                .arg(*current)
                .arg(latest)));
    return current;
}

QString SqlMigrationSet::recordSql()
{
    return QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
}

QVariantList SqlMigrationSet::recordValues(const Migration &migration)
{
    return {migration.version, migration.name, toIsoUtc(QDateTime::currentDateTimeUtc())};
}

} // namespace Countersign
