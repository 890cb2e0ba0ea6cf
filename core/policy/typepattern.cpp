#include "typepattern.h"

namespace Countersign {

TypePattern::TypePattern(const QString &pattern)
    : m_pattern(pattern)
{
    if (pattern.contains(u'*'))
        m_parts = pattern.split(u'*');
}

bool TypePattern::matches(QStringView type) const
{
    if (m_parts.isEmpty())
        return type == m_pattern;

    // The first part anchors at the start, the last at the end; the parts in between are found
    // left to right, each as early as possible, which is enough for `*`-only globs.
    const QString &first = m_parts.constFirst();
    const QString &last = m_parts.constLast();
    if (type.size() < first.size() + last.size() || !type.startsWith(first) || !type.endsWith(last))
        return false;
    qsizetype pos = first.size();
    const qsizetype end = type.size() - last.size();
    for (qsizetype i = 1; i + 1 < m_parts.size(); ++i) {
        const QString &part = m_parts.at(i);
        if (part.isEmpty())
            continue;
        const qsizetype found = type.first(end).indexOf(part, pos);
        if (found < 0)
            return false;
        pos = found + part.size();
    }
    return true;
}

} // namespace Countersign
