#include "widgets/noticelabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QResizeEvent>
#include <QStyle>

namespace Countersign {

NoticeLabel::NoticeLabel(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    m_icon->setObjectName(QStringLiteral("noticeIcon"));
    m_text->setObjectName(QStringLiteral("noticeText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_icon->setAlignment(Qt::AlignTop);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    QFrame::setVisible(false);
}

int NoticeLabel::layoutWidth() const
{
    // Before the first layout pass there is no width yet: assume a typical dialog field.
    constexpr int TypicalWidth = 400;
    return width() > 2 * m_icon->sizeHint().width() ? width() : TypicalWidth;
}

QSize NoticeLabel::sizeHint() const
{
    return QSize(QFrame::sizeHint().width(), heightForWidth(layoutWidth()));
}

QSize NoticeLabel::minimumSizeHint() const
{
    return QSize(QFrame::minimumSizeHint().width(), heightForWidth(layoutWidth()));
}

void NoticeLabel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    if (event->oldSize().width() != event->size().width())
        updateGeometry();
}

void NoticeLabel::setNotice(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    updateIcon();
    setVisible(!text.isEmpty());
    update();
}

void NoticeLabel::clear()
{
    m_text->clear();
    setVisible(false);
}

QString NoticeLabel::text() const
{
    return m_text->text();
}

// Breeze's semantic colours: neutral blue, positive green, neutral orange, negative red.
QColor NoticeLabel::tint() const
{
    switch (m_kind) {
    case Kind::Positive:
        return QColor(0x27, 0xae, 0x60);
    case Kind::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case Kind::Error:
        return QColor(0xda, 0x44, 0x53);
    case Kind::Information:
        break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

void NoticeLabel::updateIcon()
{
    QStyle::StandardPixmap standard = QStyle::SP_MessageBoxInformation;
    QString themeName = QStringLiteral("dialog-information");
    switch (m_kind) {
    case Kind::Positive:
        themeName = QStringLiteral("dialog-positive");
        standard = QStyle::SP_DialogApplyButton;
        break;
    case Kind::Warning:
        themeName = QStringLiteral("dialog-warning");
        standard = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        themeName = QStringLiteral("dialog-error");
        standard = QStyle::SP_MessageBoxCritical;
        break;
    case Kind::Information:
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = QIcon::fromTheme(themeName, style()->standardIcon(standard, nullptr, this));
    m_icon->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
}

void NoticeLabel::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = tint();
    fill.setAlphaF(0.15f);
    QColor border = tint();
    border.setAlphaF(0.6f);
    painter.setPen(QPen(border, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void NoticeLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange)
        updateIcon();
    QFrame::changeEvent(event);
}

} // namespace Countersign
