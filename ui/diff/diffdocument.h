#pragma once

#include "diffcolors.h"
#include "hunkhighlighter.h"

#include "diff/filediff.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QFont>

namespace Countersign {

enum class DiffSide { Left, Right };

// What the views of one diff share: the diff itself, one highlighter per side, the syntax
// definition, theme, colours and font. The container owns it; presenters read it when told
// that it changed.
class DiffDocument
{
public:
    static constexpr int TabWidth = 4;

    DiffDocument();

    void setDiff(const FileDiff &diff);
    const FileDiff &diff() const { return m_diff; }

    void setDefinition(const KSyntaxHighlighting::Definition &definition);
    KSyntaxHighlighting::Definition definition() const { return m_definition; }
    void setTheme(const KSyntaxHighlighting::Theme &theme);
    const KSyntaxHighlighting::Theme &theme() const { return m_theme; }
    const DiffColors &colors() const { return m_colors; }
    void setFont(const QFont &font);
    const QFont &font() const { return m_font; }

    HunkHighlighter &highlighter(DiffSide side) { return side == DiffSide::Left ? m_left : m_right; }
    const HunkHighlighter &highlighter(DiffSide side) const { return side == DiffSide::Left ? m_left : m_right; }
    const QStringList &lines(DiffSide side) const;
    // The text shown for a line (no '\r', long lines cut); empty when out of range.
    QStringView displayText(DiffSide side, int line) const;
    // The widest line of a side in character cells (tabs expanded), for the horizontal range.
    int maxColumns(DiffSide side) const;

    // Idle-time highlighting of both sides, maxLines at a time; false once everything is done.
    bool highlightAhead(int maxLines);

    // Bumped by every change; views drop what they cached for an older revision.
    quint64 revision() const { return m_revision; }

private:
    FileDiff m_diff;
    KSyntaxHighlighting::Definition m_definition;
    KSyntaxHighlighting::Theme m_theme;
    DiffColors m_colors;
    QFont m_font;
    HunkHighlighter m_left;
    HunkHighlighter m_right;
    mutable int m_maxColumns[2] = {-1, -1};
    quint64 m_revision = 0;
};

} // namespace Countersign
