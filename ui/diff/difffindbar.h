#pragma once

#include <QWidget>

class QLineEdit;

namespace Countersign {

// The Ctrl+F bar under a diff: a field, previous/next and close. It only asks; the diff view
// searches and says whether it found anything.
class DiffFindBar : public QWidget
{
    Q_OBJECT

public:
    explicit DiffFindBar(QWidget *parent = nullptr);

    QString text() const;
    // Shows the bar with the field focused and its text selected.
    void activate();
    // Tints the text when there is no match.
    void setFound(bool found);

Q_SIGNALS:
    // A search is due: the text changed, Enter (Shift+Enter: backward) or a button.
    void findRequested(const QString &text, bool backward);
    // Escape or Close: the bar is hidden, the marks should go.
    void closed();

private:
    QLineEdit *m_field;
};

} // namespace Countersign
