#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>

#include <QHash>
#include <QPalette>

using KSyntaxHighlighting::Definition;
using KSyntaxHighlighting::Theme;

namespace Countersign {

namespace {

// Hints agents commonly send that are neither a definition's name nor an alternative name.
const QHash<QString, QString> &languageAliases()
{
    static const QHash<QString, QString> aliases{
        {QStringLiteral("shell"), QStringLiteral("Bash")},
        {QStringLiteral("sh"), QStringLiteral("Bash")},
        {QStringLiteral("console"), QStringLiteral("Bash")},
        {QStringLiteral("terminal"), QStringLiteral("Bash")},
        {QStringLiteral("command"), QStringLiteral("Bash")},
        {QStringLiteral("email"), QStringLiteral("Email")},
        {QStringLiteral("e-mail"), QStringLiteral("Email")},
        {QStringLiteral("mail"), QStringLiteral("Email")},
        {QStringLiteral("eml"), QStringLiteral("Email")},
        {QStringLiteral("c++"), QStringLiteral("C++")},
        {QStringLiteral("cxx"), QStringLiteral("C++")},
        {QStringLiteral("yml"), QStringLiteral("YAML")},
        {QStringLiteral("md"), QStringLiteral("Markdown")},
        {QStringLiteral("py"), QStringLiteral("Python")},
        {QStringLiteral("python3"), QStringLiteral("Python")},
        {QStringLiteral("js"), QStringLiteral("JavaScript")},
        {QStringLiteral("ts"), QStringLiteral("TypeScript")},
        {QStringLiteral("golang"), QStringLiteral("Go")},
        {QStringLiteral("patch"), QStringLiteral("Diff")},
        {QStringLiteral("htm"), QStringLiteral("HTML")},
        {QStringLiteral("postgres"), QStringLiteral("SQL (PostgreSQL)")},
        {QStringLiteral("postgresql"), QStringLiteral("SQL (PostgreSQL)")},
        {QStringLiteral("sqlite"), QStringLiteral("SQL")},
    };
    return aliases;
}

bool isPlainText(const QString &language)
{
    static const QStringList plain{QStringLiteral("text"), QStringLiteral("plain"), QStringLiteral("plaintext"),
        QStringLiteral("plain text"), QStringLiteral("txt"), QStringLiteral("none")};
    return plain.contains(language);
}

} // namespace

KSyntaxHighlighting::Repository &SyntaxRepository::repository()
{
    // Created on first use, in the GUI thread, and kept until the process exits.
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

Definition SyntaxRepository::definitionFor(const QString &language, const QString &fileName, const QString &mimeType)
{
    const KSyntaxHighlighting::Repository &repo = repository();
    const QString hint = language.trimmed().toLower();
    if (isPlainText(hint))
        return {}; // said explicitly: the file name does not override it
    if (!hint.isEmpty()) {
        Definition definition = repo.definitionForName(languageAliases().value(hint, hint));
        if (definition.isValid())
            return definition;
        if (hint.contains(QLatin1Char('/'))) {
            definition = repo.definitionForMimeType(hint);
            if (definition.isValid())
                return definition;
        }
        // "rs", "kt", "tsx": treat the hint as an extension.
        if (!hint.contains(QLatin1Char(' '))) {
            definition = repo.definitionForFileName(QStringLiteral("file.") + hint);
            if (definition.isValid())
                return definition;
        }
    }
    if (!fileName.isEmpty()) {
        const Definition definition = repo.definitionForFileName(fileName);
        if (definition.isValid())
            return definition;
    }
    if (!mimeType.isEmpty())
        return repo.definitionForMimeType(mimeType);
    return {};
}

Theme SyntaxRepository::themeForPalette(const QPalette &palette)
{
    return repository().themeForPalette(palette);
}

Theme SyntaxRepository::theme(const QString &name)
{
    return repository().theme(name);
}

QStringList SyntaxRepository::themeNames()
{
    QStringList names;
    const QList<Theme> themes = repository().themes();
    names.reserve(themes.size());
    for (const Theme &theme : themes)
        names.append(theme.name());
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace Countersign
