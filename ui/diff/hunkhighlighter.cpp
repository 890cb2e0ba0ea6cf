#include "hunkhighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <QFont>

#include <algorithm>

namespace Countersign {

namespace {
const QList<HunkHighlighter::Span> noSpans;
}

HunkHighlighter::HunkHighlighter() = default;
HunkHighlighter::~HunkHighlighter() = default;

void HunkHighlighter::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    if (definition == this->definition())
        return;
    AbstractHighlighter::setDefinition(definition);
    reset();
}

void HunkHighlighter::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    AbstractHighlighter::setTheme(theme);
    // Which formats are "normal text" and their colours depend on the theme: start over.
    m_styleByFormatId.clear();
    m_formats.clear();
    m_charFormats.clear();
    reset();
}

void HunkHighlighter::setLines(const QStringList &lines, QList<int> unitStarts)
{
    unitStarts.append(0);
    std::sort(unitStarts.begin(), unitStarts.end());
    unitStarts.erase(std::unique(unitStarts.begin(), unitStarts.end()), unitStarts.end());
    while (!unitStarts.isEmpty() && unitStarts.constLast() >= lines.size() && unitStarts.size() > 1)
        unitStarts.removeLast();
    if (lines == m_lines && unitStarts == this->unitStarts())
        return;
    m_lines = lines;
    m_units.clear();
    m_units.reserve(unitStarts.size());
    for (qsizetype i = 0; i < unitStarts.size(); ++i) {
        const int start = qMax(0, unitStarts.at(i));
        const int end = i + 1 < unitStarts.size() ? unitStarts.at(i + 1) : int(lines.size());
        m_units.append(Unit{start, end, start, {}});
    }
    reset();
}

QList<int> HunkHighlighter::unitStarts() const
{
    QList<int> starts;
    starts.reserve(m_units.size());
    for (const Unit &unit : m_units)
        starts.append(unit.start);
    return starts;
}

void HunkHighlighter::reset()
{
    m_spans = QList<QList<Span>>(m_lines.size());
    for (Unit &unit : m_units) {
        unit.next = unit.start;
        unit.state = {};
    }
    m_highlightedCount = 0;
}

QStringView HunkHighlighter::displayText(const QString &line)
{
    QStringView text(line);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text.size() > MaxLineLength ? text.first(MaxLineLength) : text;
}

const QList<HunkHighlighter::Span> &HunkHighlighter::spans(int line)
{
    if (line < 0 || line >= m_lines.size() || !definition().isValid() || !theme().isValid())
        return noSpans;
    auto unit = std::upper_bound(m_units.begin(), m_units.end(), line, [](int l, const Unit &u) {
        return l < u.start;
    });
    if (unit == m_units.begin())
        return noSpans;
    --unit;
    highlightUpTo(*unit, line);
    return m_spans.at(line);
}

void HunkHighlighter::highlightUpTo(Unit &unit, int line)
{
    while (unit.next <= line) {
        const int current = unit.next;
        m_target = &m_spans[current];
        m_target->clear();
        unit.state = highlightLine(displayText(m_lines.at(current)), unit.state);
        ++unit.next;
        ++m_highlightedCount;
    }
    m_target = nullptr;
}

int HunkHighlighter::highlightAhead(int maxLines)
{
    if (!definition().isValid() || !theme().isValid())
        return 0;
    int done = 0;
    for (Unit &unit : m_units) {
        if (done >= maxLines)
            break;
        if (unit.next >= unit.end)
            continue;
        const int last = qMin(unit.end - 1, unit.next + (maxLines - done) - 1);
        done += last - unit.next + 1;
        highlightUpTo(unit, last);
    }
    return done;
}

KSyntaxHighlighting::Format HunkHighlighter::formatAt(int line, int column)
{
    for (const Span &span : spans(line)) {
        if (column >= span.start && column < span.start + span.length)
            return m_formats.at(span.style);
    }
    return {};
}

int HunkHighlighter::styleFor(const KSyntaxHighlighting::Format &format)
{
    const auto found = m_styleByFormatId.constFind(format.id());
    if (found != m_styleByFormatId.constEnd())
        return found.value();
    const KSyntaxHighlighting::Theme &currentTheme = theme();
    int style = -1;
    if (!format.isDefaultTextStyle(currentTheme)) {
        // Backgrounds are left out on purpose: the added/removed tints must stay visible.
        QTextCharFormat charFormat;
        if (format.hasTextColor(currentTheme))
            charFormat.setForeground(format.textColor(currentTheme));
        if (format.isBold(currentTheme))
            charFormat.setFontWeight(QFont::Bold);
        if (format.isItalic(currentTheme))
            charFormat.setFontItalic(true);
        if (format.isUnderline(currentTheme))
            charFormat.setFontUnderline(true);
        if (format.isStrikeThrough(currentTheme))
            charFormat.setFontStrikeOut(true);
        style = int(m_formats.size());
        m_formats.append(format);
        m_charFormats.append(charFormat);
    }
    m_styleByFormatId.insert(format.id(), style);
    return style;
}

void HunkHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!m_target || length <= 0 || !format.isValid())
        return;
    const int style = styleFor(format);
    if (style < 0)
        return;
    if (!m_target->isEmpty()) {
        Span &last = m_target->last();
        if (last.style == style && last.start + last.length == offset) {
            last.length += length;
            return;
        }
    }
    m_target->append(Span{offset, length, style});
}

} // namespace Countersign
