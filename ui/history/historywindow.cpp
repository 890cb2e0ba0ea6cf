#include "historywindow.h"

#include "diff/diffwidget.h"
#include "diff/patchset.h"
#include "history/decisionhistory.h"
#include "historymodel.h"
#include "review/patchview.h"
#include "settings/exportlocation.h"
#include "widgets/windowclosekeys.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

HistoryWindow::HistoryWindow(DecisionHistory *history, QWidget *parent)
    : QMainWindow(parent)
    , m_history(history)
    , m_model(new HistoryModel(history, this))
{
    setObjectName(QStringLiteral("historyWindow"));
    setWindowTitle(tr("Decision History"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search title, type, category, reason or id…"));
    m_search->setClearButtonEnabled(true);
    m_outcome = new QComboBox(central);
    m_outcome->setObjectName(QStringLiteral("historyOutcome"));
    m_outcome->addItem(tr("All decisions"), QString());
    m_outcome->addItem(tr("Approved"), QStringLiteral("approve"));
    m_outcome->addItem(tr("Modified"), QStringLiteral("modify"));
    m_outcome->addItem(tr("Rejected"), QStringLiteral("reject"));
    auto *verify = new QPushButton(QIcon::fromTheme(QStringLiteral("security-high")), tr("&Verify Chain"), central);
    verify->setObjectName(QStringLiteral("historyVerify"));
    auto *exportButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export…"), central);
    exportButton->setObjectName(QStringLiteral("historyExport"));
    bar->addWidget(m_search, 1);
    bar->addWidget(m_outcome);
    bar->addWidget(verify);
    bar->addWidget(exportButton);
    layout->addLayout(bar);

    m_verifyResult = new QLabel(central);
    m_verifyResult->setObjectName(QStringLiteral("historyVerifyResult"));
    m_verifyResult->setWordWrap(true);
    m_verifyResult->hide();
    layout->addWidget(m_verifyResult);

    auto *splitter = new QSplitter(Qt::Vertical, central);
    m_view = new QTreeView(splitter);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(HistoryModel::TitleColumn, QHeaderView::Stretch);
    // Wide enough for the whole date and time, and for the longest outcome text.
    const QString sampleTime = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)), QLocale::ShortFormat);
    const int pad = 3 * m_view->fontMetrics().horizontalAdvance(u'M');
    m_view->header()->resizeSection(
        HistoryModel::TimeColumn, m_view->fontMetrics().horizontalAdvance(sampleTime) + pad);
    m_view->header()->resizeSection(HistoryModel::OutcomeColumn,
        m_view->fontMetrics().horizontalAdvance(tr("Modification refused")) + pad + m_view->iconSize().width());
    auto *detail = new QWidget(splitter);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(detail);
    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_payloadStack = new QStackedWidget(detail);
    m_payloadStack->setObjectName(QStringLiteral("historyPayloadStack"));
    m_diff = new DiffWidget(m_payloadStack);
    m_diff->setObjectName(QStringLiteral("historyDiff"));
    m_payloadStack->addWidget(m_diff);
    m_patchView = new PatchView(m_payloadStack);
    m_patchView->setObjectName(QStringLiteral("historyPatchView"));
    m_payloadStack->addWidget(m_patchView);
    m_views = new QTabBar(detail);
    m_views->setObjectName(QStringLiteral("historyViews"));
    m_views->setDrawBase(false);
    m_views->setExpanding(false);
    m_views->addTab(QString());
    m_views->addTab(QString());
    m_views->addTab(QString());
    setTabsForPatch(false);
    m_views->hide();
    connect(m_views, &QTabBar::currentChanged, this, [this](int index) {
        setView(View(index));
    });
    detailLayout->addWidget(m_details);
    detailLayout->addWidget(m_views);
    detailLayout->addWidget(m_payloadStack, 1);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(m_search, &QLineEdit::textChanged, this, &HistoryWindow::applyFilter);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &HistoryWindow::applyFilter);
    connect(verify, &QPushButton::clicked, this, &HistoryWindow::verifyChain);
    connect(exportButton, &QPushButton::clicked, this, &HistoryWindow::exportInteractively);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryWindow::showEntry);
    WindowCloseKeys::install(this);
    resize(1000, 720);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0)); // open on the newest decision
}

void HistoryWindow::refresh()
{
    const qint64 seq = m_view->currentIndex().data(HistoryModel::SeqRole).toLongLong();
    m_model->reload();
    if (const int row = seq > 0 ? m_model->rowOfSeq(seq) : -1; row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void HistoryWindow::applyFilter()
{
    HistoryQuery q;
    q.text = m_search->text().trimmed();
    q.outcome = m_outcome->currentData().toString();
    m_model->setQuery(q);
}

void HistoryWindow::showEntry(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_details->clear();
        m_diff->setTexts({}, {});
        m_payloadStack->setCurrentWidget(m_diff);
        m_views->hide();
        return;
    }
    const HistoryEntry &e = m_model->entry(index.row());
    QString text = tr("<b>%1</b><br>%2 · %3 · action %4<br>Decided by %5 on %6: <b>%7</b>")
                       .arg(e.title.toHtmlEscaped(), e.actionType.toHtmlEscaped(), e.category.toHtmlEscaped(),
                           e.actionId.toHtmlEscaped(), e.reviewer.toHtmlEscaped(),
                           QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat),
                           index.siblingAtColumn(HistoryModel::OutcomeColumn).data().toString());
    if (!e.reason.isEmpty())
        text += u"<br>" + tr("Reason: %1").arg(e.reason.toHtmlEscaped());
    text += u"<br>"
        + tr("Server: %1").arg(index.siblingAtColumn(HistoryModel::ServerColumn).data().toString().toHtmlEscaped());
    m_details->setText(text);
    m_diff->setLanguage(e.language);
    // A patch is shown file by file, as it was reviewed; one the reviewer changed has the patch
    // approved beside the agent's.
    m_patchEntry = false;
    m_patchModified = false;
    if (e.language.compare(u"diff", Qt::CaseInsensitive) == 0
        || e.language.compare(u"patch", Qt::CaseInsensitive) == 0) {
        m_patchEntry = PatchSet::parse(e.aiDraft).has_value();
        m_patchModified = m_patchEntry && e.outcome == QLatin1String("modify") && e.finalPayload != e.aiDraft
            && PatchSet::parse(e.finalPayload).has_value();
    }
    setTabsForPatch(m_patchEntry);
    const bool hasOriginal = e.originalText().has_value();
    m_views->setVisible(m_patchEntry ? m_patchModified : hasOriginal);
    // A change opens on what was proposed, like the review pane; otherwise on the edits.
    m_viewShown = m_patchEntry || hasOriginal ? View::Proposed : View::Edits;
    showCurrentView();
}

void HistoryWindow::setTabsForPatch(bool patch)
{
    if (patch) {
        m_views->setTabText(0, tr("&1 Agent's patch"));
        m_views->setTabToolTip(0, tr("The patch the agent proposed, file by file"));
        m_views->setTabText(1, tr("&2 Your edits"));
        m_views->setTabToolTip(1, tr("Per file, the agent's version on the left, the one approved on the right"));
        m_views->setTabText(2, tr("&3 Approved patch"));
        m_views->setTabToolTip(2, tr("The patch approved with your changes, file by file"));
        return;
    }
    m_views->setTabText(0, tr("&1 Proposed change"));
    m_views->setTabToolTip(0, tr("What the agent wanted to change: the original on the left, its draft on the right"));
    m_views->setTabText(1, tr("&2 Your edits"));
    m_views->setTabToolTip(1, tr("The agent's draft on the left, the version decided on the right"));
    m_views->setTabText(2, tr("&3 Result"));
    m_views->setTabToolTip(2, tr("What the decision did: the original on the left, the approved version on the right"));
}

bool HistoryWindow::hasView(View view) const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return false;
    if (m_patchEntry)
        return view == View::Proposed || m_patchModified;
    return view == View::Edits || m_model->entry(index.row()).originalText().has_value();
}

void HistoryWindow::showPatch(const QString &text)
{
    m_payloadStack->setCurrentWidget(m_patchView);
    if (text == m_patchShown && m_patchView->fileCount() > 0)
        return; // keeps the file the reviewer was looking at
    m_patchShown = text;
    const auto patch = PatchSet::parse(text);
    m_patchView->setPatch(patch ? *patch : PatchSet());
}

void HistoryWindow::setView(View view)
{
    if (!hasView(view))
        return;
    m_viewShown = view;
    showCurrentView();
}

void HistoryWindow::showCurrentView()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    {
        const QSignalBlocker quiet(m_views);
        m_views->setCurrentIndex(int(m_viewShown));
    }
    const HistoryEntry &e = m_model->entry(index.row());
    if (m_patchEntry) {
        switch (m_viewShown) {
        case View::Proposed:
            showPatch(e.aiDraft);
            break;
        case View::Edits:
            // Per file, the agent's new side against the reviewer's, as the review pane showed
            // it; the two patches' texts when the approved one does not map onto the agent's.
            showPatch(e.aiDraft);
            m_patchView->restoreEdits(e.finalPayload);
            m_patchView->setCompare(PatchView::Compare::Edits);
            if (!m_patchView->hasEdits()) {
                m_payloadStack->setCurrentWidget(m_diff);
                m_diff->setFileNames(tr("Agent's patch"), tr("Approved patch"));
                m_diff->setTexts(e.aiDraft, e.finalPayload);
            }
            return;
        case View::Result:
            showPatch(e.finalPayload);
            break;
        }
        m_patchView->setCompare(PatchView::Compare::Proposed);
        return;
    }
    m_payloadStack->setCurrentWidget(m_diff);
    const bool rejected = e.outcome == QLatin1String("reject");
    const QString original = e.originalText().value_or(QString());
    const QString decided = rejected ? e.aiDraft : e.finalPayload;
    switch (m_viewShown) {
    case View::Proposed:
        m_diff->setFileNames(tr("Original"), tr("AI draft"));
        m_diff->setTexts(original, e.aiDraft);
        break;
    case View::Edits:
        m_diff->setFileNames(tr("AI draft"), rejected ? tr("(rejected)") : tr("Approved version"));
        m_diff->setTexts(e.aiDraft, decided);
        break;
    case View::Result:
        // A rejection changed nothing: the original stays.
        m_diff->setFileNames(tr("Original"), rejected ? tr("(rejected: unchanged)") : tr("Approved version"));
        m_diff->setTexts(original, rejected ? original : e.finalPayload);
        break;
    }
}

bool HistoryWindow::verifyChain()
{
    const auto v = m_history->verify();
    m_verifyResult->show();
    if (!v) {
        m_verifyResult->setText(tr("The history could not be read: %1").arg(v.error().message));
        return false;
    }
    if (v->ok) {
        m_verifyResult->setText(
            tr("✔ The history is intact: %n decision(s), each linked to the one before.", nullptr, int(v->entries)));
        return true;
    }
    m_verifyResult->setText(
        tr("✘ The history was altered. The chain breaks at entry %1: %2").arg(v->firstBadSeq).arg(v->problem));
    // Show the first bad entry, or the one just before a gap.
    m_search->clear();
    m_outcome->setCurrentIndex(0);
    for (qint64 seq = v->firstBadSeq; seq >= 1; --seq) {
        const int row = m_model->rowOfSeq(seq);
        if (row >= 0) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->scrollTo(m_model->index(row, 0));
            break;
        }
    }
    return false;
}

bool HistoryWindow::exportTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    const auto written = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
        ? m_history->exportJson(&file, m_model->query())
        : m_history->exportCsv(&file, m_model->query());
    if (!written || !file.commit()) {
        QMessageBox::warning(this, tr("Export"),
            tr("The export failed: %1").arg(written ? file.errorString() : written.error().message));
        return false;
    }
    return true;
}

void HistoryWindow::exportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Decision History"),
        ExportLocation::suggestedPath(QStringLiteral("countersign-history.csv")),
        tr("CSV files (*.csv);;JSON files (*.json)"));
    if (path.isEmpty())
        return;
    ExportLocation::remember(path);
    if (exportTo(path))
        statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
}

} // namespace Countersign
