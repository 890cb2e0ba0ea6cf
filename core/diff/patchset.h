#pragma once

#include "domain/error.h"
#include "patchfile.h"

#include <QList>

namespace Countersign {

// A patch of one or many files (`git diff`, `git format-patch`, `diff -u`), read into one
// PatchFile per file with its status from git's extended headers ("new file mode", "deleted
// file mode", "rename from/to", "copy from/to", /dev/null names) and its hunks through
// UnifiedDiff::parse. Work and memory follow the patch's size only.
class PatchSet
{
public:
    // Fails with an Invalid error naming the patch line when a hunk is malformed or nothing in
    // the text is a diff; the caller shows the text as it is then.
    static Result<PatchSet> parse(const QString &patch);

    const QList<PatchFile> &files() const { return m_files; }
    // Whatever precedes the first file (a commit message, "From ..." lines), verbatim.
    const QString &preamble() const { return m_preamble; }
    // The text parsed.
    const QString &text() const { return m_text; }
    int addedCount() const;
    int removedCount() const;

private:
    QList<PatchFile> m_files;
    QString m_preamble;
    QString m_text;
};

} // namespace Countersign
