#pragma once

#include <QByteArray>
#include <QObject>

class QThread;

namespace Countersign::Cli {

// Reads stdin line by line on a thread of its own and hands each line to the owner's thread,
// whose event loop stays free meanwhile (a portable stand-in for a socket notifier, which
// Windows pipes do not have). endOfInput() comes once stdin is closed.
class StdinLineReader : public QObject
{
    Q_OBJECT
public:
    explicit StdinLineReader(QObject *parent = nullptr);
    ~StdinLineReader() override;

    void start();

Q_SIGNALS:
    void lineRead(const QByteArray &line);
    void endOfInput();

private:
    QThread *m_thread = nullptr;
    QObject *m_relay = nullptr; // lives in the owner's thread; the reader posts to it
};

} // namespace Countersign::Cli
