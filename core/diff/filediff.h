#pragma once

#include "diffhunk.h"

#include <QSharedDataPointer>
#include <QStringList>

#include <utility>

namespace Countersign {

class FileDiffData;

// The diff of one file: both texts split in lines, and the hunks relating them. An implicitly
// shared value (cheap to copy, safe to hand between threads), the one model behind both the
// side-by-side and the unified view.
//
// Lines keep a trailing '\r' (CRLF files round-trip exactly; views strip it for display); the
// '\n' separators are not stored. A side set from a whole text keeps that text and reads its
// lines as views into it; leftLines()/rightLines() build the QStringList on first use only, so
// a million-line diff that is just printed never pays for a million strings.
// A diff parsed from a patch only knows the lines its hunks show: the other entries are null
// strings and isPartial() is true. Such a side stores only its known lines (a patch that says
// "line 66666661" costs no 66 million entries); leftLines()/rightLines() of it build the full
// list, so callers with a partial diff should ask for single lines.
class FileDiff
{
public:
    FileDiff();
    FileDiff(const FileDiff &other);
    FileDiff(FileDiff &&other) noexcept;
    FileDiff &operator=(const FileDiff &other);
    FileDiff &operator=(FileDiff &&other) noexcept;
    ~FileDiff();

    QString leftName() const;
    void setLeftName(const QString &name);
    QString rightName() const;
    void setRightName(const QString &name);

    // A side as a whole text: split at '\n', the ending flag set from its last character.
    void setLeftText(const QString &text);
    void setRightText(const QString &text);
    // A side as lines.
    void setLeftLines(const QStringList &lines);
    void setRightLines(const QStringList &lines);
    // A side of `lineCount` lines of which only `known` (line number and text, ascending) are
    // known; leftLine() of any other is a null view. Entries out of range or order are dropped.
    using KnownLines = QList<std::pair<int, QString>>;
    void setLeftKnownLines(int lineCount, const KnownLines &known);
    void setRightKnownLines(int lineCount, const KnownLines &known);

    int leftLineCount() const;
    int rightLineCount() const;
    // One line without copying it; valid while this diff (or a copy of it) is unchanged. A null
    // view for an index out of range.
    QStringView leftLine(int index) const;
    QStringView rightLine(int index) const;
    // All lines; built on the first call (thread-safe), then kept.
    const QStringList &leftLines() const;
    const QStringList &rightLines() const;

    // False when the text's last line has no newline (shown as "\ No newline at end of file").
    bool leftEndsWithNewline() const;
    void setLeftEndsWithNewline(bool ends);
    bool rightEndsWithNewline() const;
    void setRightEndsWithNewline(bool ends);

    const QList<DiffHunk> &hunks() const;
    void setHunks(const QList<DiffHunk> &hunks);

    // No line added, removed or changed (under the options the diff was made with).
    bool isIdentical() const;
    // Lines added / removed; a Changed row counts as one of each.
    int addedCount() const;
    int removedCount() const;

    // The cost limit (or cancellation) cut the search short: the diff is correct but may mark
    // more lines than necessary.
    bool isApproximate() const;
    void setApproximate(bool approximate);

    // Only the lines inside hunks are known (the diff came from a patch).
    bool isPartial() const;
    void setPartial(bool partial);

    void swap(FileDiff &other) noexcept { d.swap(other.d); }
    friend bool operator==(const FileDiff &a, const FileDiff &b);

private:
    QSharedDataPointer<FileDiffData> d;
};

} // namespace Countersign

Q_DECLARE_SHARED(Countersign::FileDiff)
