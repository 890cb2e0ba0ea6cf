#include "diffwidget.h"

#include "diffdocument.h"
#include "diffeditor.h"
#include "difffindbar.h"
#include "difflogging.h"
#include "diffpane.h"
#include "editablediffview.h"
#include "sidebysidediffview.h"
#include "syntaxrepository.h"
#include "unifieddiffview.h"

#include "diff/diffjob.h"
#include "diff/wrappolicy.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Countersign {

DiffWidget::DiffWidget(QWidget *parent)
    : QWidget(parent)
    , m_document(std::make_shared<DiffDocument>())
    , m_sideBySide(new SideBySideDiffView(m_document, this))
    , m_unified(new UnifiedDiffView(m_document, this))
    , m_editableView(new EditableDiffView(m_document, this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("diffWidget"));
    m_stack->setObjectName(QStringLiteral("diffViews"));
    m_stack->addWidget(m_sideBySide);
    m_stack->addWidget(m_unified);
    m_stack->addWidget(m_editableView);

    createActions();
    m_toolBar = createToolBar();
    m_findBar = new DiffFindBar(this);
    connect(m_findBar, &DiffFindBar::findRequested, this, &DiffWidget::find);
    connect(m_findBar, &DiffFindBar::closed, this, [this] {
        for (DiffPresenter *presenter : presenters())
            presenter->find(QString(), false); // clears the marks
        if (DiffPresenter *presenter = currentPresenter())
            presenter->focusView();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_findBar);
    setFocusProxy(m_stack);

    m_rediffTimer.setSingleShot(true);
    m_rediffTimer.setTimerType(Qt::PreciseTimer);
    m_rediffTimer.setInterval(RediffDelayMs);
    connect(&m_rediffTimer, &QTimer::timeout, this, [this] {
        startDiff(m_leftText, m_editableView->editorText());
    });
    m_idleHighlighter.setInterval(0);
    connect(&m_idleHighlighter, &QTimer::timeout, this, [this] {
        if (!m_document->highlightAhead(IdleHighlightLines))
            m_idleHighlighter.stop();
    });
    connect(m_editableView, &EditableDiffView::textEdited, this, [this] {
        m_rediffTimer.start();
        updateSummary();
        Q_EMIT editedTextChanged();
    });

    updateTheme();
    updateDefinition();
    showPresenter();
    updateSummary();
}

DiffWidget::~DiffWidget()
{
    // The worker sees the flag within milliseconds; its result goes nowhere.
    m_pending.cancel();
}

void DiffWidget::createActions()
{
    m_nextAction = new QAction(tr("Next Change"), this);
    m_nextAction->setObjectName(QStringLiteral("nextChangeAction"));
    m_nextAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_nextAction->setToolTip(tr("Go to the next change (Alt+Down)"));
    connect(m_nextAction, &QAction::triggered, this, &DiffWidget::goToNextChange);

    m_previousAction = new QAction(tr("Previous Change"), this);
    m_previousAction->setObjectName(QStringLiteral("previousChangeAction"));
    m_previousAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_previousAction->setToolTip(tr("Go to the previous change (Alt+Up)"));
    connect(m_previousAction, &QAction::triggered, this, &DiffWidget::goToPreviousChange);

    auto *modes = new QActionGroup(this);
    m_sideBySideAction = new QAction(tr("Side by Side"), modes);
    m_sideBySideAction->setObjectName(QStringLiteral("sideBySideAction"));
    m_sideBySideAction->setCheckable(true);
    m_sideBySideAction->setChecked(true);
    m_sideBySideAction->setToolTip(tr("Show the two versions next to each other"));
    m_unifiedAction = new QAction(tr("Unified"), modes);
    m_unifiedAction->setObjectName(QStringLiteral("unifiedAction"));
    m_unifiedAction->setCheckable(true);
    m_unifiedAction->setToolTip(tr("Show the changes in one column, like a patch"));
    connect(m_sideBySideAction, &QAction::triggered, this, [this] {
        setMode(Mode::SideBySide);
    });
    connect(m_unifiedAction, &QAction::triggered, this, [this] {
        setMode(Mode::Unified);
    });

    m_expandAllAction = new QAction(tr("Show All Lines"), this);
    m_expandAllAction->setObjectName(QStringLiteral("expandAllAction"));
    m_expandAllAction->setToolTip(tr("Unfold every hidden run of unchanged lines"));
    connect(m_expandAllAction, &QAction::triggered, this, [this] {
        if (DiffPresenter *presenter = currentPresenter())
            presenter->expandAll();
    });

    m_whitespaceAction = new QAction(tr("Ignore Whitespace"), this);
    m_whitespaceAction->setObjectName(QStringLiteral("ignoreWhitespaceAction"));
    m_whitespaceAction->setCheckable(true);
    m_whitespaceAction->setToolTip(tr("Treat lines that differ only in whitespace as unchanged"));
    connect(m_whitespaceAction, &QAction::toggled, this, [this](bool ignore) {
        DiffOptions options = m_options;
        options.ignoreWhitespace = ignore;
        setOptions(options);
    });

    m_findAction = new QAction(tr("Find\u2026"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &DiffWidget::showFindBar);

    // No shortcut: the panes and the editor handle Ctrl+C themselves.
    m_copyAction = new QAction(tr("Copy"), this);
    m_copyAction->setObjectName(QStringLiteral("copyAction"));
    connect(m_copyAction, &QAction::triggered, this, &DiffWidget::copy);

    m_wrapAction = new QAction(tr("Wrap Lines"), this);
    m_wrapAction->setObjectName(QStringLiteral("wordWrapAction"));
    m_wrapAction->setIconText(tr("Wrap")); // the toolbar is full already
    m_wrapAction->setCheckable(true);
    m_wrapAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    m_wrapAction->setToolTip(tr("Break long lines at the window's edge, remembered per language (Alt+Z)"));
    connect(m_wrapAction, &QAction::triggered, this, [this](bool wrap) {
        setWordWrap(wrap);
        m_wrapChoices.insert(m_language, wrap);
        Q_EMIT wordWrapToggled(m_language, wrap);
    });

    m_revertAction = new QAction(tr("Take the Draft's Lines"), this);
    m_revertAction->setObjectName(QStringLiteral("revertChangeAction"));
    m_revertAction->setIconText(tr("Use Draft"));
    m_revertAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
    m_revertAction->setToolTip(
        tr("Undo your edit of the change at the cursor: its lines become the AI draft's again (Ctrl+Alt+Z)"));
    m_revertAction->setEnabled(false);
    connect(m_revertAction, &QAction::triggered, this, &DiffWidget::revertChangeAtCursor);
    m_editableView->editor()->setContextActions({m_revertAction});

    for (QAction *action : {m_nextAction, m_previousAction, m_findAction, m_wrapAction, m_revertAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
}

QToolBar *DiffWidget::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("diffToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->addAction(m_sideBySideAction);
    bar->addAction(m_unifiedAction);
    bar->addSeparator();
    bar->addAction(m_previousAction);
    bar->addAction(m_nextAction);
    bar->addSeparator();
    bar->addAction(m_expandAllAction);
    bar->addAction(m_whitespaceAction);
    bar->addAction(m_wrapAction);
    bar->addAction(m_revertAction);
    const QList<std::pair<QAction *, const char *>> buttons{{m_sideBySideAction, "sideBySideButton"},
        {m_unifiedAction, "unifiedButton"}, {m_previousAction, "previousChangeButton"},
        {m_nextAction, "nextChangeButton"}, {m_expandAllAction, "expandAllButton"},
        {m_whitespaceAction, "ignoreWhitespaceButton"}, {m_wrapAction, "wordWrapButton"},
        {m_revertAction, "revertChangeButton"}};
    for (const auto &[action, name] : buttons) {
        if (QWidget *button = bar->widgetForAction(action))
            button->setObjectName(QLatin1String(name));
    }

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    m_summary = new QLabel(bar);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_summary->setContentsMargins(6, 0, 10, 0);
    bar->addWidget(m_summary);

    m_themeCombo = new QComboBox(bar);
    m_themeCombo->setObjectName(QStringLiteral("themeCombo"));
    m_themeCombo->setToolTip(tr("Colour theme of the highlighted text"));
    m_themeCombo->setAccessibleName(tr("Theme"));
    m_themeCombo->addItem(tr("Automatic Theme"), QString());
    const QStringList themes = SyntaxRepository::themeNames();
    for (const QString &name : themes)
        m_themeCombo->addItem(SyntaxRepository::theme(name).translatedName(), name);
    m_themeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_themeCombo, &QComboBox::activated, this, [this](int index) {
        setThemeName(m_themeCombo->itemData(index).toString());
    });
    bar->addWidget(m_themeCombo);
    return bar;
}

void DiffWidget::showFindBar()
{
    m_findBar->activate();
}

void DiffWidget::find(const QString &text, bool backward)
{
    if (DiffPresenter *presenter = currentPresenter())
        m_findBar->setFound(presenter->find(text, backward));
}

void DiffWidget::setTexts(const QString &left, const QString &right)
{
    m_leftText = left;
    m_rightText = right;
    m_haveTexts = true;
    m_whitespaceAction->setEnabled(true);
    if (m_editable)
        m_editableView->setEditorText(right);
    m_rediffTimer.stop();
    startDiff(left, right);
}

void DiffWidget::setDiff(const FileDiff &diff)
{
    // Anything still computing describes older texts.
    ++m_generation;
    m_pending.cancel();
    m_computing = false;
    m_rediffTimer.stop();
    m_haveTexts = false;
    m_whitespaceAction->setEnabled(false);
    const auto join = [](const QStringList &lines, bool endsWithNewline) {
        QString text = lines.join(QLatin1Char('\n'));
        if (endsWithNewline && !lines.isEmpty())
            text += QLatin1Char('\n');
        return text;
    };
    if (!diff.leftName().isEmpty() || !diff.rightName().isEmpty()) {
        m_leftName = diff.leftName();
        m_rightName = diff.rightName();
        updateDefinition();
    }
    m_leftText = join(diff.leftLines(), diff.leftEndsWithNewline());
    m_rightText = join(diff.rightLines(), diff.rightEndsWithNewline());
    if (m_editable)
        m_editableView->setEditorText(m_rightText);
    applyDiff(diff);
}

FileDiff DiffWidget::diff() const
{
    return m_document->diff();
}

bool DiffWidget::isComputing() const
{
    return m_computing || m_rediffTimer.isActive();
}

void DiffWidget::setOptions(const DiffOptions &options)
{
    m_options = options;
    {
        const QSignalBlocker blocker(m_whitespaceAction);
        m_whitespaceAction->setChecked(options.ignoreWhitespace);
    }
    if (m_haveTexts)
        startDiff(m_leftText, editedText());
}

void DiffWidget::startDiff(const QString &left, const QString &right)
{
    const quint64 generation = ++m_generation;
    m_pending.cancel();
    m_pending = DiffJob::start(left, right, m_options);
    m_computing = true;
    auto *watcher = new QFutureWatcher<FileDiff>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const QFuture<FileDiff> future = watcher->future();
        // Superseded (a newer text or option came in) or canceled: drop it.
        if (generation != m_generation)
            return;
        m_computing = false;
        if (future.isCanceled() || future.resultCount() == 0) {
            updateSummary();
            return;
        }
        FileDiff diff = future.result();
        diff.setLeftName(m_leftName);
        diff.setRightName(m_rightName);
        applyDiff(diff);
    });
    watcher->setFuture(m_pending);
    updateSummary();
}

void DiffWidget::applyDiff(const FileDiff &diff)
{
    m_document->setDiff(diff);
    m_stale = presenters();
    refresh(currentPresenter());
    // Typed after this diff's text was taken: its change blocks no longer match the editor.
    if (m_rediffTimer.isActive())
        m_editableView->markChangesStale();
    updateSummary();
    qCDebug(lcDiffView) << "showing a diff of" << diff.leftLines().size() << "and" << diff.rightLines().size()
                        << "lines:" << diff.addedCount() << "added," << diff.removedCount() << "removed";
    Q_EMIT diffUpdated();
}

void DiffWidget::refresh(DiffPresenter *presenter)
{
    if (presenter && m_stale.removeAll(presenter) > 0)
        presenter->documentChanged();
    // After the first paint, not before: queued behind the paint event.
    m_idleHighlighter.start();
}

void DiffWidget::styleChanged()
{
    m_stale = presenters();
    refresh(currentPresenter());
}

void DiffWidget::setFileNames(const QString &left, const QString &right)
{
    m_leftName = left;
    m_rightName = right;
    FileDiff current = m_document->diff();
    current.setLeftName(left);
    current.setRightName(right);
    m_document->setDiff(current);
    updateDefinition();
    styleChanged();
}

void DiffWidget::setLanguage(const QString &language)
{
    m_language = language;
    setWordWrap(m_wrapChoices.value(language, WrapPolicy::wrapsByDefault(language, m_mimeType)));
    updateDefinition();
    styleChanged();
}

void DiffWidget::setMimeType(const QString &mimeType)
{
    m_mimeType = mimeType;
    updateDefinition();
    styleChanged();
}

KSyntaxHighlighting::Definition DiffWidget::definition() const
{
    return m_document->definition();
}

void DiffWidget::updateDefinition()
{
    const QString fileName = m_rightName.isEmpty() ? m_leftName : m_rightName;
    const KSyntaxHighlighting::Definition definition
        = SyntaxRepository::definitionFor(m_language, fileName, m_mimeType);
    qCDebug(lcDiffView) << "syntax for" << m_language << fileName << ":"
                        << (definition.isValid() ? definition.name() : QStringLiteral("plain text"));
    m_document->setDefinition(definition);
}

void DiffWidget::setThemeName(const QString &name)
{
    m_themeName = name;
    const int index = m_themeCombo->findData(name);
    m_themeCombo->setCurrentIndex(qMax(0, index));
    updateTheme();
    styleChanged();
}

KSyntaxHighlighting::Theme DiffWidget::theme() const
{
    return m_document->theme();
}

void DiffWidget::updateTheme()
{
    KSyntaxHighlighting::Theme theme;
    if (!m_themeName.isEmpty())
        theme = SyntaxRepository::theme(m_themeName);
    if (!theme.isValid())
        theme = SyntaxRepository::themeForPalette(palette());
    m_document->setTheme(theme);
}

void DiffWidget::setViewFont(const QFont &font)
{
    m_document->setFont(font);
    styleChanged();
}

QFont DiffWidget::viewFont() const
{
    return m_document->font();
}

void DiffWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_themeName.isEmpty()) {
        updateTheme();
        styleChanged();
    }
}

QList<DiffPresenter *> DiffWidget::presenters() const
{
    return {m_sideBySide, m_unified, m_editableView};
}

DiffPresenter *DiffWidget::currentPresenter() const
{
    // Editing happens in the editor whatever the mode: the unified view has nothing to type in.
    if (m_editable)
        return m_editableView;
    return m_mode == Mode::Unified ? static_cast<DiffPresenter *>(m_unified)
                                   : static_cast<DiffPresenter *>(m_sideBySide);
}

void DiffWidget::showPresenter()
{
    DiffPresenter *previous = nullptr;
    if (QWidget *shown = m_stack->currentWidget()) {
        for (DiffPresenter *candidate : presenters()) {
            if (candidate->widget() == shown)
                previous = candidate;
        }
    }
    DiffPresenter *next = currentPresenter();
    refresh(next);
    if (previous && previous != next) {
        const bool hadFocus = previous->widget()->isAncestorOf(QApplication::focusWidget());
        next->setCurrentLocation(previous->currentLocation());
        m_stack->setCurrentWidget(next->widget());
        if (hadFocus)
            next->focusView();
    } else {
        m_stack->setCurrentWidget(next->widget());
    }
    m_expandAllAction->setEnabled(next != m_editableView);
    m_expandAllAction->setVisible(next != m_editableView); // room for the hunk copy button
    m_revertAction->setEnabled(next == m_editableView);
    m_revertAction->setVisible(next == m_editableView);
}

void DiffWidget::setMode(Mode mode)
{
    {
        const QSignalBlocker a(m_sideBySideAction);
        const QSignalBlocker b(m_unifiedAction);
        m_sideBySideAction->setChecked(mode == Mode::SideBySide);
        m_unifiedAction->setChecked(mode == Mode::Unified);
    }
    if (mode == m_mode)
        return;
    m_mode = mode;
    showPresenter();
    Q_EMIT modeChanged(mode);
}

void DiffWidget::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    if (editable) {
        m_editableView->setEditorText(m_rightText);
    } else {
        // The reviewer's version stays what the read-only views compare.
        m_rightText = m_editableView->editorText();
        if (m_rediffTimer.isActive()) {
            m_rediffTimer.stop();
            startDiff(m_leftText, m_rightText);
        }
    }
    m_editable = editable;
    m_stale.append(m_editableView);
    showPresenter();
    Q_EMIT editableChanged(editable);
}

void DiffWidget::setEditedText(const QString &text)
{
    setEditable(true);
    m_editableView->setEditorText(text);
    m_rediffTimer.start();
    updateSummary();
    Q_EMIT editedTextChanged();
}

void DiffWidget::focusEditor()
{
    if (!m_editable)
        return;
    m_editableView->focusView();
    // At the first change when there is one (a restored edit), else at the top.
    if (m_editableView->changeCount() > 0)
        m_editableView->goToNextChange();
}

QString DiffWidget::editedText() const
{
    return m_editable ? m_editableView->editorText() : m_rightText;
}

void DiffWidget::setWordWrap(bool wrap)
{
    {
        const QSignalBlocker blocker(m_wrapAction);
        m_wrapAction->setChecked(wrap);
    }
    if (wrap == m_wrap)
        return;
    m_wrap = wrap;
    m_sideBySide->setWordWrap(wrap);
    m_unified->setWordWrap(wrap);
    m_editableView->setWordWrap(wrap);
}

void DiffWidget::setWordWrapChoices(const QHash<QString, bool> &choices)
{
    m_wrapChoices = choices;
    setWordWrap(m_wrapChoices.value(m_language, WrapPolicy::wrapsByDefault(m_language, m_mimeType)));
}

bool DiffWidget::revertChange(int index)
{
    // The blocks must describe the editor's text: not while a newer diff is on its way.
    if (!m_editable || isComputing())
        return false;
    return m_editableView->revertChange(index);
}

bool DiffWidget::revertChangeAtCursor()
{
    return revertChange(m_editableView->changeAtCursor());
}

bool DiffWidget::goToNextChange()
{
    DiffPresenter *presenter = currentPresenter();
    return presenter && presenter->goToNextChange();
}

bool DiffWidget::goToPreviousChange()
{
    DiffPresenter *presenter = currentPresenter();
    return presenter && presenter->goToPreviousChange();
}

void DiffWidget::copy()
{
    if (DiffPresenter *presenter = currentPresenter()) {
        const QString text = presenter->selectedText();
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    }
}

void DiffWidget::updateSummary()
{
    const FileDiff &diff = m_document->diff();
    QString text;
    QString tip;
    if (isComputing() && diff.leftLines().isEmpty() && diff.rightLines().isEmpty()) {
        text = tr("Comparing\u2026");
    } else if (diff.isIdentical()) {
        text = tr("No changes");
        tip = m_options.ignoreWhitespace ? tr("Both versions are identical, ignoring whitespace")
                                         : tr("Both versions are identical");
    } else {
        const int added = int(diff.addedCount());
        const int removed = int(diff.removedCount());
        // Whole phrases with their own plurals; the translator orders the two parts.
        text = tr("%1, %2", "lines added, lines removed")
                   .arg(tr("%n added", "lines", added), tr("%n removed", "lines", removed));
        tip = tr("%1 and %2, in %n place(s)", "lines added, lines removed", int(currentPresenter()->changeCount()))
                  .arg(tr("%n line(s) added", nullptr, added), tr("%n removed", "lines", removed));
        if (diff.isApproximate())
            tip += QLatin1Char('\n')
                + tr("The texts differ too much for a minimal diff: more lines are marked than needed.");
        if (diff.isPartial())
            tip += QLatin1Char('\n') + tr("From a patch: only the lines around the changes are known.");
    }
    if (isComputing() && !text.endsWith(QChar(0x2026)))
        tip += QLatin1Char('\n') + tr("Updating\u2026");
    m_summary->setText(text);
    m_summary->setToolTip(tip.trimmed());
    m_summary->setAccessibleName(text);
    m_summary->setAccessibleDescription(tip.trimmed());
    m_stack->setAccessibleDescription(text);
}

} // namespace Countersign
