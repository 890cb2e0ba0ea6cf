#include "actiondetaildialog.h"

#include "review/reviewpane.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPointer>
#include <QVBoxLayout>

namespace Countersign {

ActionDetailDialog::ActionDetailDialog(const QString &actionId, const Fetcher &fetch, QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(this))
    , m_pane(new ReviewPane(this))
{
    setObjectName(QStringLiteral("actionDetailDialog"));
    setWindowTitle(tr("Action %1").arg(actionId));
    auto *layout = new QVBoxLayout(this);
    m_status->setObjectName(QStringLiteral("actionDetailStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Loading %1…").arg(actionId));
    layout->addWidget(m_status);
    m_pane->setReadOnly(true); // a past action: read what the reviewer saw, decide nothing
    m_pane->hide();
    layout->addWidget(m_pane, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1000, 700);

    fetch(actionId).then(this, [this](const Result<Action> &action) {
        m_loaded = true;
        if (!action) {
            m_failed = true;
            m_status->setText(tr("This action cannot be shown: %1").arg(action.error().toString()));
        } else {
            m_status->setText(m_note.isEmpty() ? tr("Decided actions are read-only here.") : m_note);
            m_pane->showAction(*action, std::nullopt);
            m_pane->show();
        }
        Q_EMIT loaded();
    });
}

void ActionDetailDialog::setNote(const QString &note)
{
    m_note = note;
    if (m_loaded && !m_failed)
        m_status->setText(note);
}

QString ActionDetailDialog::statusText() const
{
    return m_status->text();
}

} // namespace Countersign
