#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QStringList>

class QPalette;

namespace KSyntaxHighlighting {
class Repository;
}

namespace Countersign {

// The process-wide KSyntaxHighlighting repository and the lookups the views need. Loading the
// ~390 definitions' metadata is costly, so every view shares one instance (GUI thread only).
class SyntaxRepository
{
public:
    static KSyntaxHighlighting::Repository &repository();

    // The definition for an action's `language` hint ("python", "shell", "c++", "email", ...:
    // names and alternative names case-insensitively, plus common aliases and file
    // extensions), else for the file name, else for the MIME type. An invalid definition means
    // plain text.
    static KSyntaxHighlighting::Definition definitionFor(
        const QString &language, const QString &fileName = {}, const QString &mimeType = {});

    // The theme matching the palette's lightness (Breeze Light / Breeze Dark by default).
    static KSyntaxHighlighting::Theme themeForPalette(const QPalette &palette);
    // The theme named `name`; invalid when there is none.
    static KSyntaxHighlighting::Theme theme(const QString &name);
    // Every theme's name, sorted for a menu.
    static QStringList themeNames();
};

} // namespace Countersign
