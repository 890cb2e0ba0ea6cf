#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign::Test {

// One <message> of a Qt Linguist .ts file.
struct TsMessage {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished" or "obsolete"
    QStringList translations; // one, or one per plural form

    // "Context: “source”" (with the comment when there is one), for failure lists.
    QString describe() const;
    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
};

// Reads a .ts file; on failure returns nothing and sets `error`.
QList<TsMessage> readTsFile(const QString &path, QString *error);

} // namespace Countersign::Test
