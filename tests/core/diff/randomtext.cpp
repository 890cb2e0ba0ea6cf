#include "randomtext.h"

#include <QStringList>

namespace Countersign::Test {

namespace {

const char16_t *const Words[] = {
    u"refund",
    u"amount",
    u"customer",
    u"the",
    u"a",
    u"=",
    u"(",
    u")",
    u";",
    u"{",
    u"}",
    u"42",
    u"0x1F",
    u"Grüße",
    u"naïve",
    u"café",
    u"cafe\u0301",
    u"数据",
    u"连接",
    u"😀",
    u"😃",
    u"🇩🇪",
    u"👍🏽",
    u"𝄞",
    u"\U0001D400\U0001D401",
    u"\t",
    u"  ",
    u"x",
    u"y",
    u"z",
    u"\u00A0",
    u"Ω",
    u"ﬁ",
    u"//",
    u"\"quoted\"",
};
constexpr int WordCount = int(sizeof(Words) / sizeof(Words[0]));

} // namespace

RandomText::RandomText(quint32 seed)
    : m_rng(seed)
{ }

QString RandomText::word()
{
    return QString::fromUtf16(Words[m_rng.bounded(WordCount)]);
}

QString RandomText::line()
{
    const int kind = m_rng.bounded(100);
    if (kind < 8)
        return {};
    if (kind < 10)
        return QStringLiteral("   ");
    QString l;
    const int words = kind == 99 ? 3000 + m_rng.bounded(3000) : 1 + m_rng.bounded(8); // very long, now and then
    for (int i = 0; i < words; ++i) {
        if (i > 0)
            l += u' ';
        l += word();
    }
    return l;
}

QString RandomText::text()
{
    const int lines = m_rng.bounded(10) == 0 ? 0 : m_rng.bounded(30);
    const bool crlf = m_rng.bounded(4) == 0;
    QString t;
    for (int i = 0; i < lines; ++i) {
        t += line();
        // Mostly one ending style, with a stray other one sometimes.
        t += (crlf != (m_rng.bounded(20) == 0)) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    }
    if (!t.isEmpty() && m_rng.bounded(4) == 0)
        t.chop(t.endsWith(u"\r\n") && m_rng.bounded(2) ? 2 : 1); // no final newline (or a bare CR left)
    return t;
}

QString RandomText::edit(const QString &text)
{
    if (m_rng.bounded(15) == 0)
        return this->text();
    QStringList lines = text.split(u'\n');
    const int edits = 1 + m_rng.bounded(4);
    for (int e = 0; e < edits; ++e) {
        const int at = lines.isEmpty() ? 0 : m_rng.bounded(int(lines.size()));
        switch (m_rng.bounded(7)) {
        case 0:
            lines.insert(at, line());
            break;
        case 1:
            if (!lines.isEmpty())
                lines.removeAt(at);
            break;
        case 2:
        case 3:
            if (!lines.isEmpty()) {
                // Change one word of the line.
                QStringList words = lines[at].split(u' ');
                words[m_rng.bounded(int(words.size()))] = word();
                lines[at] = words.join(u' ');
            }
            break;
        case 4:
            if (lines.size() > 3) {
                const int from = m_rng.bounded(int(lines.size()) - 2);
                const QStringList block = lines.mid(from, 2);
                lines.remove(from, 2);
                for (int k = 0; k < block.size(); ++k)
                    lines.insert(qMin(int(lines.size()), m_rng.bounded(int(lines.size()) + 1)), block.at(k));
            }
            break;
        case 5:
            if (!lines.isEmpty()) {
                // Switch the line's ending between LF and CRLF.
                if (lines[at].endsWith(u'\r'))
                    lines[at].chop(1);
                else
                    lines[at] += u'\r';
            }
            break;
        default:
            if (!lines.isEmpty())
                lines.insert(at, lines.at(m_rng.bounded(int(lines.size()))));
            break;
        }
    }
    QString out = lines.join(u'\n');
    if (m_rng.bounded(8) == 0) {
        // Toggle the final newline.
        if (out.endsWith(u'\n'))
            out.chop(1);
        else
            out += u'\n';
    }
    return out;
}

} // namespace Countersign::Test
