#include "reviewpane.h"

#include "confidencemeter.h"
#include "diff/diffwidget.h"
#include "diff/patchset.h"
#include "jsonpayloadview.h"
#include "jsontreemodel.h"
#include "patchview.h"
#include "queue/queuemodel.h"
#include "style/icons.h"
#include "style/statuscolors.h"
#include "tracelink.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedLayout>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

namespace {

// A payload in this language is a patch (shown file by file when it parses).
bool isPatchLanguage(const QString &language)
{
    return language.compare(u"diff", Qt::CaseInsensitive) == 0 || language.compare(u"patch", Qt::CaseInsensitive) == 0;
}

QString tierText(Tier tier)
{
    switch (tier) {
    case Tier::Auto:
        return ReviewPane::tr("Auto-approve");
    case Tier::Review:
        return ReviewPane::tr("Review required");
    case Tier::Prohibited:
        return ReviewPane::tr("Prohibited");
    }
    return {};
}

} // namespace

ReviewPane::ReviewPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewPane"));
    auto *outer = new QStackedLayout(this);

    m_empty = new QLabel(tr("Select an item in the queue to review it."), this);
    m_empty->setObjectName(QStringLiteral("reviewEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    outer->addWidget(m_empty);

    m_body = new QWidget(this);
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(createHeader());

    m_views = new QTabBar(m_body);
    m_views->setObjectName(QStringLiteral("reviewViews"));
    m_views->setDrawBase(false);
    m_views->setExpanding(false);
    m_views->addTab(tr("&1 Proposed change"));
    m_views->setTabToolTip(0, tr("What the agent wants to change: the original on the left, its draft on the right"));
    m_views->addTab(tr("&2 Your edits"));
    m_views->setTabToolTip(1, tr("Your changes to the agent's draft; Modify edits here"));
    m_views->addTab(tr("&3 Result"));
    m_views->setTabToolTip(2, tr("What approving now does: the original on the left, your version on the right"));
    m_views->hide();
    connect(m_views, &QTabBar::currentChanged, this, [this](int index) {
        setView(View(index));
    });
    layout->addWidget(m_views);
    m_patchNotice = new QLabel(m_body);
    m_patchNotice->setObjectName(QStringLiteral("patchParseNotice"));
    m_patchNotice->setWordWrap(true);
    m_patchNotice->hide();
    layout->addWidget(m_patchNotice);

    auto *splitter = new QSplitter(Qt::Vertical, m_body);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    m_payloadStack = new QStackedWidget(splitter);
    m_payloadStack->setObjectName(QStringLiteral("reviewPayloadStack"));
    m_diff = new DiffWidget(m_payloadStack);
    m_diff->setObjectName(QStringLiteral("reviewDiff"));
    m_patchView = new PatchView(m_payloadStack);
    m_payloadStack->addWidget(m_diff);
    m_payloadStack->addWidget(m_patchView);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_reasoning = new QTextBrowser(m_tabs);
    m_reasoning->setObjectName(QStringLiteral("reasoningView"));
    m_reasoning->setOpenExternalLinks(false);
    m_tabs->addTab(m_reasoning, tr("AI reasoning"));
    m_contextView = new QTreeView(m_tabs);
    m_contextView->setObjectName(QStringLiteral("contextView"));
    m_context = new JsonTreeModel(m_contextView);
    m_contextView->setModel(m_context);
    m_contextView->setUniformRowHeights(true);
    m_contextView->setAlternatingRowColors(true);
    m_contextView->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::Interactive);
    m_contextView->header()->resizeSection(JsonTreeModel::KeyColumn, 200);
    m_contextView->header()->setStretchLastSection(false);
    m_contextView->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tabs->addTab(m_contextView, tr("Context"));
    m_json = new JsonPayloadView(m_tabs);
    m_tabs->addTab(m_json, tr("JSON keys"));
    m_tabs->setTabToolTip(
        m_tabs->indexOf(m_json), tr("The keys that differ, whatever their order, and your version's values to edit"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_json), false);
    connect(m_json, &JsonPayloadView::editedTextChanged, this, [this](const QString &text) {
        if (m_editing && m_view == View::Edits)
            m_diff->setEditedText(text); // as if typed: the draft and the buttons follow
    });
    splitter->addWidget(m_payloadStack);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    layout->addWidget(createDecisionBar());
    outer->addWidget(m_body);
    outer->setCurrentWidget(m_empty);

    connect(m_diff, &DiffWidget::editedTextChanged, this, &ReviewPane::updateButtons);
    connect(m_patchView, &PatchView::editsChanged, this, &ReviewPane::updateButtons);
    connect(m_diff, &DiffWidget::diffUpdated, this, &ReviewPane::updateJson);
}

QWidget *ReviewPane::createHeader()
{
    auto *header = new QWidget(m_body);
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("reviewTitle"));
    // One line, elided to the width with the whole title as tooltip (updateTitle).
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_tier = new QLabel(header);
    m_tier->setObjectName(QStringLiteral("reviewTier"));
    m_tier->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_meta = new QLabel(header);
    m_meta->setObjectName(QStringLiteral("reviewMeta"));
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sla = new QLabel(header);
    m_sla->setObjectName(QStringLiteral("reviewSla"));
    m_sla->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_claim = new QLabel(header);
    m_claim->setObjectName(QStringLiteral("reviewClaim"));
    m_claim->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_confidence = new ConfidenceMeter(header);
    m_confidence->setObjectName(QStringLiteral("confidenceMeter"));
    auto *confidenceLabel = new QLabel(tr("Confidence:"), header);
    confidenceLabel->setBuddy(m_confidence);

    m_trace = new TraceLink(header);

    m_notice = new QLabel(header);
    m_notice->setObjectName(QStringLiteral("reviewNotice"));
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::AlternateBase);
    m_notice->setMargin(4);
    m_notice->hide();

    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(m_tier, 0, 2);
    grid->addWidget(m_meta, 1, 0, 1, 2);
    grid->addWidget(m_sla, 1, 2);
    grid->addWidget(confidenceLabel, 2, 0);
    grid->addWidget(m_confidence, 2, 1);
    grid->addWidget(m_claim, 2, 2);
    grid->addWidget(m_trace, 3, 0, 1, 3, Qt::AlignLeft);
    grid->addWidget(m_notice, 4, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    return header;
}

QWidget *ReviewPane::createDecisionBar()
{
    auto *bar = new QWidget(m_body);
    auto *v = new QVBoxLayout(bar);
    v->setContentsMargins(0, 4, 0, 0);

    m_undoBanner = new QWidget(bar);
    m_undoBanner->setObjectName(QStringLiteral("undoBanner"));
    auto *undoLayout = new QHBoxLayout(m_undoBanner);
    undoLayout->setContentsMargins(6, 2, 6, 2);
    m_undoLabel = new QLabel(m_undoBanner);
    m_undoLabel->setObjectName(QStringLiteral("undoLabel"));
    auto *undo = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo"), m_undoBanner);
    undo->setObjectName(QStringLiteral("undoButton"));
    connect(undo, &QPushButton::clicked, this, &ReviewPane::undoRequested);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(undo);
    m_undoBanner->setAutoFillBackground(true);
    m_undoBanner->setBackgroundRole(QPalette::AlternateBase);
    m_undoBanner->hide();
    v->addWidget(m_undoBanner);

    auto *h = new QHBoxLayout;
    m_approve = new QPushButton(Icons::icon(Icons::Approve), tr("Approve"), bar);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setToolTip(tr("Approve the action as proposed (Ctrl+Return)"));
    m_modify = new QPushButton(Icons::icon(Icons::Modify), tr("Modify…"), bar);
    m_modify->setObjectName(QStringLiteral("modifyButton"));
    m_modify->setToolTip(tr("Edit the proposal, then approve it with your edit (Ctrl+E)"));
    m_reject = new QPushButton(Icons::icon(Icons::Reject), tr("Reject"), bar);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setToolTip(tr("Reject the action; the reason goes back to the agent (Ctrl+Backspace)"));
    m_reason = new QComboBox(bar);
    m_reason->setObjectName(QStringLiteral("rejectReason"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->lineEdit()->setPlaceholderText(tr("Reason for rejecting (sent to the agent)"));
    m_reason->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    connect(m_approve, &QPushButton::clicked, this, [this] {
        if (m_editing && hasEdits())
            Q_EMIT modifyRequested();
        else
            Q_EMIT approveRequested();
    });
    connect(m_modify, &QPushButton::clicked, this, &ReviewPane::editToggleRequested);
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (rejectReason().isEmpty()) {
            focusRejectReason();
            return;
        }
        Q_EMIT rejectRequested(rejectReason());
    });
    connect(m_reason->lineEdit(), &QLineEdit::textChanged, this, &ReviewPane::updateButtons);
    connect(m_reason->lineEdit(), &QLineEdit::returnPressed, m_reject, &QPushButton::click);

    h->addWidget(m_approve);
    h->addWidget(m_modify);
    h->addSpacing(12);
    h->addWidget(m_reason, 1);
    h->addWidget(m_reject);
    v->addLayout(h);
    return bar;
}

void ReviewPane::showAction(const std::optional<Action> &action, std::optional<double> threshold)
{
    const bool sameItem = action && m_action && action->id == m_action->id;
    m_action = action;
    auto *stack = static_cast<QStackedLayout *>(layout());
    if (!action) {
        m_editing = false;
        stack->setCurrentWidget(m_empty);
        return;
    }
    stack->setCurrentWidget(m_body);
    const Action &a = *action;
    m_fullTitle = a.title.isEmpty() ? a.type : a.title;
    updateTitle();
    m_meta->setText(tr("%1 · %2 · from %3 · %4")
            .arg(a.type, a.category, a.agent, QLocale().toString(a.createdAt.toLocalTime(), QLocale::ShortFormat)));
    m_tier->setText(tierText(a.tier) + (a.unassigned ? tr(" (unassigned type)") : QString()));
    m_tier->setToolTip(a.tierReason);
    m_confidence->setConfidence(a.confidence);
    m_confidence->setThreshold(threshold);
    m_trace->setTraceUrl(a.traceUrl);
    if (!sameItem) {
        m_editing = false;
        m_diff->setEditable(false);
        m_diff->setLanguage(a.payload.language);
        m_editText = a.payload.content;
        m_view = a.payload.original || isPatchLanguage(a.payload.language) ? View::Proposed : View::Edits;
        showPayload(a);
        m_tabs->setTabVisible(m_tabs->indexOf(m_json), isJsonPayload());
        if (isJsonPayload())
            m_tabs->setCurrentWidget(m_json);
        else if (m_tabs->currentWidget() == m_json)
            m_tabs->setCurrentIndex(0);
        m_reasoning->setMarkdown(a.reasoning.isEmpty() ? tr("*The agent gave no reasoning.*") : a.reasoning);
        m_context->setJson(a.context);
        m_contextView->expandToDepth(1);
        m_reason->setCurrentText(QString());
        m_claimedByOther = false;
        m_decidedLocally = false;
        m_claim->clear();
        m_notice->hide();
    }
    updateSla();
    updateButtons();
}

void ReviewPane::setClaim(const QString &claimedBy, bool mine)
{
    m_claimedByOther = !claimedBy.isEmpty() && !mine;
    if (claimedBy.isEmpty())
        m_claim->setText(tr("Not claimed"));
    else if (mine)
        m_claim->setText(tr("Claimed by you"));
    else
        m_claim->setText(tr("Claimed by %1").arg(claimedBy));
    updateButtons();
}

void ReviewPane::setPendingDecision(int secondsLeft, const QString &description, const QString &undoKeys)
{
    m_undoBanner->setVisible(secondsLeft > 0);
    m_undoLabel->setText(tr("%1 in %n s — %2 to undo", nullptr, secondsLeft).arg(description, undoKeys));
}

void ReviewPane::setDecidedLocally(bool decided)
{
    if (decided == m_decidedLocally)
        return;
    m_decidedLocally = decided;
    if (decided) {
        m_notice->setText(tr("Your decision on this item is saved and waiting to be sent to the server."));
        m_notice->show();
    } else {
        m_notice->hide();
    }
    updateButtons();
}

void ReviewPane::setOffline(bool offline)
{
    m_offline = offline;
    updateButtons();
}

void ReviewPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateTitle();
}

void ReviewPane::updateTitle()
{
    const QString elided
        = m_title->fontMetrics().elidedText(m_fullTitle, Qt::ElideRight, std::max(40, m_title->width()));
    m_title->setText(elided);
    m_title->setToolTip(elided == m_fullTitle ? QString() : m_fullTitle);
}

void ReviewPane::setNow(const QDateTime &now)
{
    m_now = now;
    updateSla();
}

void ReviewPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

void ReviewPane::updateSla()
{
    if (!m_action || !m_action->slaDueAt.isValid()) {
        m_sla->clear();
        return;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const qint64 left = now.secsTo(m_action->slaDueAt);
    const double fraction = QueueModel::slaFraction(*m_action, now);
    QString text = left >= 0 ? tr("SLA: due in %1").arg(QueueModel::formatAge(left))
                             : tr("SLA: overdue by %1").arg(QueueModel::formatAge(-left));
    if (m_action->escalated)
        text += tr(" · escalated");
    m_sla->setText(text);
    QPalette p = m_sla->palette();
    const QColor normal = palette().color(QPalette::WindowText);
    p.setColor(QPalette::WindowText,
        fraction >= 1          ? StatusColors::text(StatusColors::Kind::Negative, palette())
            : fraction >= 0.75 ? StatusColors::text(StatusColors::Kind::Warning, palette())
                               : normal);
    m_sla->setPalette(p);
}

bool ReviewPane::isJsonPayload() const
{
    return m_action && m_action->payload.language.compare(u"json", Qt::CaseInsensitive) == 0;
}

void ReviewPane::updateJson()
{
    if (!isJsonPayload())
        return;
    m_json->setTexts(m_diff->leftText(), m_diff->editedText());
    m_json->setEditable(m_editing && m_view == View::Edits);
}

void ReviewPane::updateButtons()
{
    m_json->setEditable(m_editing && m_view == View::Edits);
    const bool pending = m_action && m_action->state == ActionState::Pending;
    const bool canDecide = pending && !m_readOnly && !m_claimedByOther && !m_decidedLocally;
    // A prohibited action never offers approval, whatever else is true.
    const bool prohibited = m_action && m_action->tier == Tier::Prohibited;
    m_approve->setVisible(!prohibited);
    m_modify->setVisible(!prohibited);
    m_approve->setEnabled(canDecide && editProblem().isEmpty());
    m_modify->setEnabled(canDecide);
    m_reject->setEnabled(canDecide);
    m_reason->setEnabled(canDecide);
    if (m_offline) {
        m_approve->setText(
            m_editing && hasEdits() ? tr("Approve with edits — sent when back") : tr("Approve — sent when back"));
        m_reject->setText(tr("Reject — sent when back"));
    } else {
        m_approve->setText(m_editing && hasEdits() ? tr("Approve with edits") : tr("Approve"));
        m_reject->setText(tr("Reject"));
    }
    m_modify->setText(m_editing ? tr("Cancel edit") : tr("Modify…"));
}

bool ReviewPane::hasOriginal() const
{
    return m_action && m_action->payload.original.has_value();
}

void ReviewPane::showPayload(const Action &a)
{
    // A payload in language "diff" is a patch: files, hunks and the new side to edit. One that
    // does not parse is shown as text, saying so.
    m_patchMode = false;
    m_patchNotice->hide();
    if (isPatchLanguage(a.payload.language)) {
        const auto patch = PatchSet::parse(a.payload.content);
        if (patch) {
            m_patchMode = true;
            m_patchView->setEditing(false);
            m_patchView->setPatch(*patch);
            m_views->show();
            m_payloadStack->setCurrentWidget(m_patchView);
            applyView();
            return;
        }
        m_patchNotice->setText(
            tr("This patch could not be read (%1), so it is shown as text.").arg(patch.error().message));
        m_patchNotice->show();
    }
    m_payloadStack->setCurrentWidget(m_diff);
    m_views->setVisible(a.payload.original.has_value());
    if (m_view == View::Proposed && !a.payload.original)
        m_view = View::Edits; // a "diff" that does not parse: text, and no original
    applyView();
}

void ReviewPane::setView(View view)
{
    if (!m_action || (!m_patchMode && view != View::Edits && !hasOriginal()) || view == m_view)
        return;
    keepEditorText();
    m_view = view;
    applyView();
}

void ReviewPane::keepEditorText()
{
    if (m_view == View::Edits && m_editing && !m_patchMode)
        m_editText = m_diff->editedText();
}

void ReviewPane::applyView()
{
    if (!m_action)
        return;
    if (m_patchMode) {
        // The patch view compares per file what the three views compare for a text.
        {
            const QSignalBlocker quiet(m_views);
            m_views->setCurrentIndex(int(m_view));
        }
        m_patchView->setCompare(m_view == View::Proposed ? PatchView::Compare::Proposed
                : m_view == View::Edits                  ? PatchView::Compare::Edits
                                                         : PatchView::Compare::Result);
        updateButtons();
        return;
    }
    const QString draft = m_action->payload.content;
    const QString original = m_action->payload.original.value_or(QString());
    {
        const QSignalBlocker quiet(m_views);
        m_views->setCurrentIndex(int(m_view));
    }
    switch (m_view) {
    case View::Proposed:
        m_diff->setEditable(false);
        m_diff->setFileNames(tr("Original"), tr("AI draft"));
        m_diff->setTexts(original, draft);
        break;
    case View::Edits:
        m_diff->setEditable(false);
        m_diff->setFileNames(tr("AI draft"), tr("Your version"));
        m_diff->setTexts(draft, m_editText);
        m_diff->setEditable(m_editing); // the editor starts from the reviewer's version
        break;
    case View::Result:
        m_diff->setEditable(false);
        m_diff->setFileNames(tr("Original"), tr("Your version"));
        m_diff->setTexts(original, m_editText);
        break;
    }
    updateButtons();
}

void ReviewPane::startEditing()
{
    if (!m_action || m_editing)
        return;
    m_editing = true;
    if (m_patchMode) {
        m_patchView->setEditing(true);
        if (m_view == View::Proposed) {
            m_view = View::Edits; // the proposed patch is read-only
            applyView();
        }
        updateButtons();
        return;
    }
    if (m_view != View::Edits) {
        m_view = View::Edits; // edits are made where they show against the draft
        applyView();
    } else {
        m_diff->setEditable(true);
    }
    updateButtons();
}

void ReviewPane::cancelEditing()
{
    if (!m_editing)
        return;
    m_editing = false;
    if (m_action)
        m_editText = m_action->payload.content;
    if (m_patchMode) {
        m_patchView->setEditing(false);
        m_patchView->clearEdits();
    }
    applyView();
    m_notice->setVisible(m_decidedLocally);
    updateButtons();
}

void ReviewPane::finishEditing()
{
    if (!m_editing)
        return;
    keepEditorText();
    m_editing = false;
    m_diff->setEditable(false);
    m_patchView->setEditing(false);
    updateButtons();
}

void ReviewPane::restoreEdit(const QString &text)
{
    if (!m_action)
        return;
    m_editing = true;
    m_editText = text;
    if (m_patchMode) {
        m_patchView->restoreEdits(text);
        m_patchView->setEditing(true);
        m_view = View::Edits;
        applyView();
    } else {
        m_view = View::Edits;
        applyView();
        m_diff->setEditedText(text);
    }
    m_notice->setText(tr("Your unfinished edit of this item was kept. Approve it with Ctrl+Return, or press Ctrl+E "
                         "to discard it."));
    m_notice->show();
    updateButtons();
}

void ReviewPane::focusEditor()
{
    if (m_patchMode)
        m_patchView->focusEditor();
    else
        m_diff->focusEditor();
}

QString ReviewPane::editedText() const
{
    if (m_patchMode) {
        // An edit that does not write as a patch is never sent (editProblem() blocks approving).
        const auto written = m_patchView->editedPatch();
        return written ? *written : m_action->payload.content;
    }
    return m_view == View::Edits && m_editing ? m_diff->editedText() : m_editText;
}

QString ReviewPane::editProblem() const
{
    return m_patchMode && m_editing ? m_patchView->editProblem() : QString();
}

bool ReviewPane::hasEdits() const
{
    if (m_patchMode)
        return m_action && m_editing && m_patchView->hasEdits();
    return m_action && m_editing && editedText() != m_action->payload.content;
}

QString ReviewPane::rejectReason() const
{
    return m_reason->currentText().trimmed();
}

void ReviewPane::setRecentReasons(const QStringList &reasons)
{
    const QString current = m_reason->currentText();
    m_reason->clear();
    m_reason->addItems(reasons);
    m_reason->setCurrentText(current);
}

void ReviewPane::focusRejectReason()
{
    m_reason->setFocus(Qt::ShortcutFocusReason);
    m_reason->lineEdit()->selectAll();
}

} // namespace Countersign
