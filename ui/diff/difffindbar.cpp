#include "difffindbar.h"

#include "diffcolors.h"

#include <QAction>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace Countersign {

DiffFindBar::DiffFindBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_field->setObjectName(QStringLiteral("findField"));
    m_field->setPlaceholderText(tr("Find in both sides"));
    m_field->setClearButtonEnabled(true);
    m_field->setAccessibleName(tr("Find"));
    auto *previous = new QToolButton(this);
    previous->setObjectName(QStringLiteral("findPreviousButton"));
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setObjectName(QStringLiteral("findNextButton"));
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter)"));
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("findCloseButton"));
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the find bar (Escape)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);

    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        Q_EMIT findRequested(text(), QGuiApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
    connect(m_field, &QLineEdit::textChanged, this, [this](const QString &changed) {
        Q_EMIT findRequested(changed, false);
    });
    connect(previous, &QToolButton::clicked, this, [this] {
        Q_EMIT findRequested(text(), true);
    });
    connect(next, &QToolButton::clicked, this, [this] {
        Q_EMIT findRequested(text(), false);
    });
    auto *escape = new QAction(this);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(escape);
    const auto hideBar = [this] {
        hide();
        Q_EMIT closed();
    };
    connect(escape, &QAction::triggered, this, hideBar);
    connect(close, &QToolButton::clicked, this, hideBar);
    hide();
}

QString DiffFindBar::text() const
{
    return m_field->text();
}

void DiffFindBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void DiffFindBar::setFound(bool found)
{
    QPalette p = palette();
    if (!found && !m_field->text().isEmpty()) {
        // The palette's own text colour pulled towards red: readable in light and dark styles.
        p.setColor(QPalette::Text, DiffColors::blend(p.color(QPalette::Text), QColor(0xda, 0x44, 0x53), 0.75));
    }
    m_field->setPalette(p);
}

} // namespace Countersign
