#pragma once

#include <QFrame>

class QLabel;

namespace Countersign {

// A one-line-or-more message with an icon on a tinted background, in the manner of KDE's
// KMessageWidget: used for validation messages, connection results and the keychain notice.
class NoticeLabel : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    explicit NoticeLabel(QWidget *parent = nullptr);

    // Shows the notice (hides it when `text` is empty).
    void setNotice(Kind kind, const QString &text);
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;

    // Word-wrapped text: the height follows the width the layout gives (QFormLayout would
    // otherwise size the row for the label's narrow default width and leave a tall box).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QColor tint() const;
    int layoutWidth() const;
    void updateIcon();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace Countersign
