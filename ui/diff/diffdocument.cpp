#include "diffdocument.h"

#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>

#include <QFontDatabase>

namespace Countersign {

DiffDocument::DiffDocument()
    : m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    setTheme(SyntaxRepository::repository().defaultTheme(KSyntaxHighlighting::Repository::LightTheme));
}

void DiffDocument::setDiff(const FileDiff &diff)
{
    m_diff = diff;
    // Every hunk, and every unchanged run between hunks, is highlighted from a fresh state.
    QList<int> leftStarts;
    QList<int> rightStarts;
    for (const DiffHunk &hunk : diff.hunks()) {
        leftStarts << hunk.leftStart << hunk.leftStart + hunk.leftCount;
        rightStarts << hunk.rightStart << hunk.rightStart + hunk.rightCount;
    }
    m_left.setLines(diff.leftLines(), leftStarts);
    m_right.setLines(diff.rightLines(), rightStarts);
    m_maxColumns[0] = m_maxColumns[1] = -1;
    ++m_revision;
}

void DiffDocument::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    if (definition == m_definition)
        return;
    m_definition = definition;
    m_left.setDefinition(definition);
    m_right.setDefinition(definition);
    ++m_revision;
}

void DiffDocument::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    if (!theme.isValid())
        return;
    m_theme = theme;
    m_colors = DiffColors::fromTheme(theme);
    m_left.setTheme(theme);
    m_right.setTheme(theme);
    ++m_revision;
}

void DiffDocument::setFont(const QFont &font)
{
    m_font = font;
    ++m_revision;
}

bool DiffDocument::highlightAhead(int maxLines)
{
    const int left = m_left.highlightAhead(maxLines);
    return left > 0 || m_right.highlightAhead(maxLines - left) > 0;
}

const QStringList &DiffDocument::lines(DiffSide side) const
{
    return side == DiffSide::Left ? m_diff.leftLines() : m_diff.rightLines();
}

QStringView DiffDocument::displayText(DiffSide side, int line) const
{
    const QStringList &text = lines(side);
    if (line < 0 || line >= text.size())
        return {};
    return HunkHighlighter::displayText(text.at(line));
}

int DiffDocument::maxColumns(DiffSide side) const
{
    int &cached = m_maxColumns[side == DiffSide::Left ? 0 : 1];
    if (cached >= 0)
        return cached;
    int widest = 0;
    const QStringList &text = lines(side);
    for (const QString &line : text) {
        const QStringView shown = HunkHighlighter::displayText(line);
        if (shown.size() * TabWidth <= widest)
            continue; // cannot be wider even if all tabs
        int columns = 0;
        for (const QChar c : shown)
            columns = c == QLatin1Char('\t') ? (columns / TabWidth + 1) * TabWidth : columns + 1;
        widest = qMax(widest, columns);
    }
    cached = widest;
    return cached;
}

} // namespace Countersign
