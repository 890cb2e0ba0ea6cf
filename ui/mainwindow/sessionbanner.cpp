#include "sessionbanner.h"

#include "widgets/noticelabel.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Countersign {

namespace {

QWidget *row(QWidget *parent, NoticeLabel *notice, std::initializer_list<QPushButton *> buttons)
{
    auto *w = new QWidget(parent);
    auto *h = new QHBoxLayout(w);
    h->setContentsMargins(0, 0, 0, 0);
    h->addWidget(notice, 1);
    for (QPushButton *b : buttons)
        h->addWidget(b, 0, Qt::AlignVCenter);
    w->hide();
    return w;
}

} // namespace

SessionBanner::SessionBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sessionBanner"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);

    m_offline = new NoticeLabel(this);
    m_offline->setObjectName(QStringLiteral("offlineBanner"));
    m_retry = new QPushButton(tr("&Retry Now"), this);
    m_retry->setObjectName(QStringLiteral("offlineRetryButton"));
    connect(m_retry, &QPushButton::clicked, this, &SessionBanner::retryRequested);
    m_offlineRow = row(this, m_offline, {m_retry});
    layout->addWidget(m_offlineRow);

    m_refused = new NoticeLabel(this);
    m_refused->setObjectName(QStringLiteral("refusedBanner"));
    auto *history = new QPushButton(tr("Show in &History"), this);
    history->setObjectName(QStringLiteral("refusedHistoryButton"));
    connect(history, &QPushButton::clicked, this, &SessionBanner::historyRequested);
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    dismiss->setObjectName(QStringLiteral("refusedDismissButton"));
    connect(dismiss, &QPushButton::clicked, this, &SessionBanner::clearRefusals);
    m_refusedRow = row(this, m_refused, {history, dismiss});
    layout->addWidget(m_refusedRow);
    hide();
}

void SessionBanner::setOffline(const Offline &offline)
{
    QStringList parts;
    const QString since = QLocale().toString(offline.since.toLocalTime().time(), QLocale::ShortFormat);
    parts << tr("The server at %1 cannot be reached (since %2).").arg(offline.server, since);
    parts << (offline.retryInSeconds > 0 ? tr("Trying again in %n s.", nullptr, offline.retryInSeconds)
                                         : tr("Trying again now…"));
    if (offline.waitingToSend > 0)
        parts << tr("%n decision(s) will be sent when it is back.", nullptr, offline.waitingToSend);
    else
        parts << tr("Your decisions are kept and sent when it is back.");
    m_offline->setNotice(NoticeLabel::Kind::Warning, parts.join(u' '));
    m_offline->setToolTip(offline.reason);
    m_offlineRow->show();
    show();
}

void SessionBanner::setOnline()
{
    m_offlineRow->hide();
    m_offline->clear();
    setVisible(m_refusals > 0);
}

bool SessionBanner::isOfflineShown() const
{
    return m_offlineRow->isVisibleTo(this) && isVisibleTo(parentWidget());
}

QString SessionBanner::offlineText() const
{
    return m_offline->text();
}

void SessionBanner::addRefusal(const QString &title, const QString &message)
{
    ++m_refusals;
    const QString text = m_refusals == 1
        ? tr("The server did not accept your decision on “%1”: %2").arg(title, message)
        : tr("The server did not accept %n of your decisions. The latest, on “%1”: %2", nullptr, m_refusals)
              .arg(title, message);
    m_refused->setNotice(NoticeLabel::Kind::Error, text);
    m_refusedRow->show();
    show();
}

void SessionBanner::clearRefusals()
{
    m_refusals = 0;
    m_refused->clear();
    m_refusedRow->hide();
    setVisible(m_offlineRow->isVisibleTo(this));
}

QString SessionBanner::refusalText() const
{
    return m_refused->text();
}

} // namespace Countersign
