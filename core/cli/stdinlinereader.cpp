#include "stdinlinereader.h"

#include <QPointer>
#include <QThread>

#include <iostream>
#include <string>

namespace Countersign::Cli {

StdinLineReader::StdinLineReader(QObject *parent)
    : QObject(parent)
    , m_relay(new QObject)
{ }

StdinLineReader::~StdinLineReader()
{
    if (m_thread && m_thread->isRunning()) {
        // Blocked in a read of stdin that only the end of the process ends: the thread and the
        // relay it posts to stay (the posted lines find no reader and are dropped).
        return;
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    delete m_relay;
}

void StdinLineReader::start()
{
    if (m_thread)
        return;
    QPointer<StdinLineReader> self(this);
    QObject *relay = m_relay;
    m_thread = QThread::create([self, relay] {
        std::string text;
        while (std::getline(std::cin, text)) {
            QByteArray line = QByteArray::fromStdString(text);
            QMetaObject::invokeMethod(
                relay,
                [self, line = std::move(line)] {
                    if (self)
                        Q_EMIT self->lineRead(line);
                },
                Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            relay,
            [self] {
                if (self)
                    Q_EMIT self->endOfInput();
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("stdin reader"));
    m_thread->start();
}

} // namespace Countersign::Cli
