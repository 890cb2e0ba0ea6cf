#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Countersign {

// An action type as a rule names it: exact ("email.send_external") or a glob where `*` stands
// for any run of characters, dots included ("email.*", "*.drop_*", "*"). Nothing else is special,
// so a type name never needs escaping.
class TypePattern
{
public:
    TypePattern() = default;
    explicit TypePattern(const QString &pattern);

    QString pattern() const { return m_pattern; }
    bool isGlob() const { return !m_parts.isEmpty(); }
    bool matches(QStringView type) const;

private:
    QString m_pattern;
    QList<QString> m_parts; // the pattern split at '*' (empty for an exact pattern)
};

} // namespace Countersign
