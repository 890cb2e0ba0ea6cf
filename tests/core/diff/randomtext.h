#pragma once

#include <QRandomGenerator>
#include <QString>

namespace Countersign::Test {

// Random texts for round-trip tests: words in several scripts (with surrogate pairs and
// combining marks), blank and whitespace-only lines, LF and CRLF endings, sometimes no final
// newline, sometimes empty, now and then a very long line.
class RandomText
{
public:
    explicit RandomText(quint32 seed);

    QString text();
    // A plausible edit of `text`: lines changed, inserted, deleted, moved, endings switched.
    QString edit(const QString &text);
    QString line();

    QRandomGenerator &random() { return m_rng; }

private:
    QString word();

    QRandomGenerator m_rng;
};

} // namespace Countersign::Test
