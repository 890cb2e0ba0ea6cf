#pragma once

#include "domain/error.h"
#include "patchset.h"

#include <QHash>

namespace Countersign {

// Turns a reviewer's edit of the new side of some files of a patch back into a patch.
//
// The editor shows each side as a whole text in which the lines the patch does not know are
// empty (so line numbers stay those of the real file); editing changes the new side only. The
// edited file's hunks are the diff of its old side against the edited text, cut wherever the
// context would be an unknown line: every line the regenerated patch states is one the original
// patch stated, so it applies wherever the original applied. Files not edited keep their text.
class PatchWriter
{
public:
    // Above this many lines (hunks far apart in a long file) a side is not offered for editing.
    static constexpr int MaxEditableLines = 200'000;

    struct Texts {
        QString oldText;
        QString newText;
    };

    // Whether the new side of a file can be edited: a text file with hunks that is not removed,
    // whose sides are not too long.
    static bool canEdit(const PatchFile &file);
    // Both sides of a file for an editor (unknown lines empty); fails when !canEdit(file).
    static Result<Texts> editableTexts(const PatchFile &file);

    // The whole patch again, the files in `editedNewTexts` (index into patch.files() -> the
    // edited new side, as from editableTexts()) rewritten. Fails when an edit changes or removes
    // a line the patch does not show, naming the file and line. A modified file whose edit
    // undoes all its changes is left out.
    static Result<QString> write(const PatchSet &patch, const QHash<int, QString> &editedNewTexts);
    // One file's section with its new side replaced.
    static Result<QString> writeFile(const PatchFile &file, const QString &editedNewText);
};

} // namespace Countersign
