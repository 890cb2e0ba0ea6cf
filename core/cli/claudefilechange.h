#pragma once

#include "domain/error.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Countersign::Cli {

// A Claude Code tool call that changes a file (Edit, MultiEdit, Write, NotebookEdit) as the
// reviewer sees it: the proposed text as payload content beside the text it replaces as
// payload original, so the review pane shows a diff; and the way back from the reviewer's edit
// of the content to the tool input.
//
//   Edit          content = new_string, original = old_string.
//   Write         content = content, original = the file's current text (read from disk,
//                 relative to cwd, at most 256 KiB); a missing file is a new file: original "".
//   MultiEdit     every edit is a section headed by a marker line ("──── edit 1 of 2 ────"),
//                 content holds the new_strings, original the old_strings, so each edit is its
//                 own hunk; the edited sections go back into edits[i].new_string.
//   NotebookEdit  content = new_source, original = the cell's source read from the .ipynb
//                 (by cell_id, or cell_number), "" for an inserted cell or an unreadable one.
// When the original is empty or missing for a reason the reviewer should know (new file,
// unreadable, too large), note() says why; it goes into the action's context.
class ClaudeFileChange
{
public:
    // The change, or nothing when the tool is not one of these or its input does not have the
    // documented shape (the hook then shows the whole input as JSON, as for any tool).
    static std::optional<ClaudeFileChange> from(const QString &toolName, const QJsonObject &input, const QString &cwd);

    QString content() const { return m_content; }
    std::optional<QString> original() const { return m_original; }
    QString language() const { return m_language; }
    QString note() const { return m_note; }

    // The tool input with the reviewer's edit of content() in the right field.
    Result<QJsonObject> editedInput(const QJsonObject &input, const QString &edited) const;

    // The marker line that heads MultiEdit section `index` (0-based) of `count`.
    static QString sectionMarker(qsizetype index, qsizetype count, bool replaceAll);

    static constexpr qint64 MaxOriginalBytes = 256 * 1024;

private:
    static std::optional<ClaudeFileChange> multiEdit(const QJsonObject &input);
    static std::optional<ClaudeFileChange> write(const QJsonObject &input, const QString &cwd);
    static std::optional<ClaudeFileChange> notebookEdit(const QJsonObject &input, const QString &cwd);
    Result<QJsonObject> editedMultiEdit(const QJsonObject &input, const QString &edited) const;

    QString m_toolName;
    QString m_content;
    std::optional<QString> m_original;
    QString m_language;
    QString m_note;
};

} // namespace Countersign::Cli
