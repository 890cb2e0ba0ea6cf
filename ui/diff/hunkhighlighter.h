#pragma once

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>

#include <QHash>
#include <QList>
#include <QStringList>
#include <QTextCharFormat>

namespace Countersign {

// Highlights the lines of one side of a diff lazily, line by line, from a fresh State at the
// start of every unit (a hunk, or the unchanged run between two hunks): a hunk that opens in
// the middle of a string or comment of the full file, or that leaves one unterminated, cannot
// change how the next hunk reads. Results are cached per line as spans indexing a small table
// of character formats (one per syntax format in use), so painting a row costs no highlighting
// after the first time.
class HunkHighlighter final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    struct Span {
        int start = 0;
        int length = 0;
        int style = 0; // index for charFormat() / format()
    };

    // Longer lines are highlighted (and shown) up to this many QChars only.
    static constexpr int MaxLineLength = 10000;

    HunkHighlighter();
    ~HunkHighlighter() override;

    void setDefinition(const KSyntaxHighlighting::Definition &definition) override;
    void setTheme(const KSyntaxHighlighting::Theme &theme) override;

    // The lines of one side (a trailing '\r' is ignored) and the first line of each unit.
    // Keeps the cache when both are unchanged (the left side while the right one is edited).
    void setLines(const QStringList &lines, QList<int> unitStarts);
    int lineCount() const { return int(m_lines.size()); }
    QList<int> unitStarts() const;

    // The formatted spans of a line, highlighting its unit up to it first when needed. Spans
    // are sorted, do not overlap and leave out text in the theme's normal style.
    const QList<Span> &spans(int line);
    const QTextCharFormat &charFormat(int style) const { return m_charFormats.at(style); }
    const KSyntaxHighlighting::Format &format(int style) const { return m_formats.at(style); }
    // The syntax format at a column; invalid for plain text.
    KSyntaxHighlighting::Format formatAt(int line, int column);

    // Highlights up to maxLines lines nobody asked for yet (idle time work, so that a jump far
    // into a long hunk finds its lines ready); returns how many it did, 0 when all are done.
    int highlightAhead(int maxLines);

    // Lines highlighted since the last reset: the work done so far, which stays proportional
    // to what was painted.
    int highlightedLineCount() const { return m_highlightedCount; }

    // The text a view shows for a line: without its '\r', cut at MaxLineLength.
    static QStringView displayText(const QString &line);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    struct Unit {
        int start = 0;
        int end = 0;
        int next = 0; // first line not highlighted yet
        KSyntaxHighlighting::State state;
    };

    void reset();
    void highlightUpTo(Unit &unit, int line);
    int styleFor(const KSyntaxHighlighting::Format &format);

    QStringList m_lines;
    QList<Unit> m_units;
    QList<QList<Span>> m_spans;
    QHash<int, int> m_styleByFormatId; // -1: the theme's normal text, not stored
    QList<KSyntaxHighlighting::Format> m_formats;
    QList<QTextCharFormat> m_charFormats;
    QList<Span> *m_target = nullptr;
    int m_highlightedCount = 0;
};

} // namespace Countersign
