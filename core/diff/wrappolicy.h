#pragma once

#include <QString>

namespace Countersign {

// Whether a diff wraps long lines before the reviewer chooses: prose (e-mail, Markdown, plain
// text) is written in paragraphs that are one long line each and reads badly scrolled
// sideways; code and data keep their lines, where a break would mislead about structure.
class WrapPolicy
{
public:
    // `language` is the action's language hint ("email", "markdown", "python", ...), mimeType
    // its MIME type when known; an unknown or empty hint counts as plain text.
    static bool wrapsByDefault(const QString &language, const QString &mimeType = {});
};

} // namespace Countersign
