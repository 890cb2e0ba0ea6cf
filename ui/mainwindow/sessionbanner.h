#pragma once

#include <QDateTime>
#include <QWidget>

class QPushButton;

namespace Countersign {

class NoticeLabel;

// Above the queue and the review pane: what the reviewer must know about the session now.
// The connection row shows within seconds of the server going away (since when, the countdown
// to the next try, how many decisions wait to be sent) and leaves when it answers again; errors
// of the outage are summed up here instead of popping up one dialog each. The refusal row says
// which decisions the server refused and why, until dismissed.
class SessionBanner : public QWidget
{
    Q_OBJECT

public:
    struct Offline {
        QString server;
        QDateTime since;
        int retryInSeconds = 0;
        int waitingToSend = 0;
        QString reason;
    };

    explicit SessionBanner(QWidget *parent = nullptr);

    void setOffline(const Offline &offline);
    void setOnline();
    bool isOfflineShown() const;
    QString offlineText() const;

    void addRefusal(const QString &title, const QString &message);
    void clearRefusals();
    int refusalCount() const { return m_refusals; }
    QString refusalText() const;

Q_SIGNALS:
    void retryRequested();
    void historyRequested();

private:
    NoticeLabel *m_offline;
    QPushButton *m_retry;
    QWidget *m_offlineRow;
    NoticeLabel *m_refused;
    QWidget *m_refusedRow;
    int m_refusals = 0;
};

} // namespace Countersign
