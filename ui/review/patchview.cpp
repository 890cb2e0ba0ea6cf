#include "patchview.h"

#include "diff/diffwidget.h"
#include "diff/patchwriter.h"
#include "diff/unifieddiff.h"
#include "patchfilemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Countersign {

PatchView::PatchView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PatchFileModel(this))
    , m_filterModel(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("patchView"));
    m_filterModel->setSourceModel(m_model);
    m_filterModel->setFilterKeyColumn(PatchFileModel::PathColumn);
    m_filterModel->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("patchSplitter"));
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(side);
    m_summary->setObjectName(QStringLiteral("patchSummary"));
    sideLayout->addWidget(m_summary);
    m_filter = new QLineEdit(side);
    m_filter->setObjectName(QStringLiteral("patchFileFilter"));
    m_filter->setPlaceholderText(tr("Filter files by path"));
    m_filter->setClearButtonEnabled(true);
    sideLayout->addWidget(m_filter);
    m_list = new QTreeView(side);
    m_list->setObjectName(QStringLiteral("patchFileList"));
    m_list->setModel(m_filterModel);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(PatchFileModel::StatusColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(PatchFileModel::PathColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(PatchFileModel::ChangesColumn, QHeaderView::ResizeToContents);
    sideLayout->addWidget(m_list, 1);

    auto *main = new QWidget(splitter);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    m_problemLabel = new QLabel(main);
    m_problemLabel->setObjectName(QStringLiteral("patchEditProblem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();
    mainLayout->addWidget(m_problemLabel);
    m_fileNotice = new QLabel(main);
    m_fileNotice->setObjectName(QStringLiteral("patchFileNotice"));
    m_fileNotice->setWordWrap(true);
    m_fileNotice->hide();
    mainLayout->addWidget(m_fileNotice);
    m_diff = new DiffWidget(main);
    m_diff->setObjectName(QStringLiteral("patchDiff"));
    mainLayout->addWidget(m_diff, 1);
    splitter->addWidget(side);
    splitter->addWidget(main);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({240, 720});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Alt+Up/Down move between changes; Alt+PgUp/PgDown between files.
    m_nextFile = new QAction(tr("Next File"), this);
    m_nextFile->setObjectName(QStringLiteral("nextFileAction"));
    m_nextFile->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageDown));
    m_nextFile->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_nextFile, &QAction::triggered, this, &PatchView::goToNextFile);
    addAction(m_nextFile);
    m_previousFile = new QAction(tr("Previous File"), this);
    m_previousFile->setObjectName(QStringLiteral("previousFileAction"));
    m_previousFile->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageUp));
    m_previousFile->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_previousFile, &QAction::triggered, this, &PatchView::goToPreviousFile);
    addAction(m_previousFile);

    connect(m_filter, &QLineEdit::textChanged, this, &PatchView::setFilter);
    connect(
        m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                setCurrentFile(current.data(PatchFileModel::IndexRole).toInt());
        });
    connect(m_diff, &DiffWidget::editedTextChanged, this, [this] {
        m_checkTimer.start();
        Q_EMIT editsChanged();
    });
    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(DiffWidget::RediffDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &PatchView::checkEdits);
}

void PatchView::setPatch(const PatchSet &patch)
{
    m_edits.clear();
    m_problem.clear();
    m_problemLabel->hide();
    m_current = -1;
    m_model->setPatch(patch);
    updateSummary();
    if (m_model->rowCount() > 0)
        setCurrentFile(0);
}

const PatchSet &PatchView::patch() const
{
    return m_model->patch();
}

int PatchView::fileCount() const
{
    return int(patch().files().size());
}

int PatchView::rowOf(int file) const
{
    return m_filterModel->mapFromSource(m_model->index(file, 0)).row();
}

void PatchView::setCurrentFile(int file)
{
    if (file < 0 || file >= fileCount() || file == m_current)
        return;
    keepCurrentEdit();
    m_current = file;
    const QModelIndex row = m_filterModel->mapFromSource(m_model->index(file, PatchFileModel::PathColumn));
    if (row.isValid() && m_list->currentIndex().row() != row.row()) {
        const QSignalBlocker quiet(m_list->selectionModel());
        m_list->setCurrentIndex(row);
    }
    showFile(file);
    Q_EMIT currentFileChanged(file);
}

void PatchView::showFile(int file)
{
    const PatchFile &f = patch().files().at(file);
    m_fileNotice->hide();
    const QString leftName = f.oldPath.isEmpty() ? f.path() : f.oldPath;
    const QString rightName = f.newPath.isEmpty() ? f.path() : f.newPath;
    // The syntax comes from each file's name (its extension), not from the payload's "diff".
    if (!m_diff->language().isEmpty())
        m_diff->setLanguage(QString());
    if (m_diff->isEditable())
        m_diff->setEditable(false);
    if (f.binary || !f.hasHunks()) {
        m_fileNotice->setText(f.binary ? tr("%1 is a binary file: the patch carries no text to show.").arg(f.path())
                                       : tr("%1 is %2 without changes to its lines.")
                                             .arg(f.displayPath(), PatchFileModel::statusText(f.status)));
        m_fileNotice->show();
        FileDiff empty;
        empty.setLeftName(leftName);
        empty.setRightName(rightName);
        m_diff->setDiff(empty);
        return;
    }
    if (f.diff.leftLineCount() > MaxShownLines || f.diff.rightLineCount() > MaxShownLines) {
        m_fileNotice->setText(tr("The hunks of %1 lie too far apart to be shown here.").arg(f.path()));
        m_fileNotice->show();
        m_diff->setDiff(FileDiff());
        return;
    }
    const bool editable = PatchWriter::canEdit(f);
    if (editable && m_compare == Compare::Edits) {
        // The agent's new side against the reviewer's: only what the reviewer changed.
        const auto texts = PatchWriter::editableTexts(f);
        m_diff->setFileNames(tr("AI draft: %1").arg(rightName), tr("Your version: %1").arg(rightName));
        m_diff->setTexts(texts->newText, m_edits.value(file, texts->newText));
        m_diff->setEditable(m_editing);
        return;
    }
    if (editable && m_editing && m_compare == Compare::Result) {
        const auto texts = PatchWriter::editableTexts(f);
        m_diff->setFileNames(leftName, rightName);
        m_diff->setTexts(texts->oldText, m_edits.value(file, texts->newText));
        m_diff->setEditable(true);
        return;
    }
    if (m_editing && !editable) {
        m_fileNotice->setText(tr("This file cannot be edited (removed, binary, or too long); its change stays as "
                                 "proposed."));
        m_fileNotice->show();
    }
    FileDiff diff = f.diff;
    diff.setLeftName(leftName);
    diff.setRightName(rightName);
    m_diff->setDiff(diff);
}

bool PatchView::goToNextFile()
{
    const int row = m_current < 0 ? -1 : rowOf(m_current);
    if (row + 1 >= m_filterModel->rowCount())
        return false;
    setCurrentFile(m_filterModel->index(row + 1, 0).data(PatchFileModel::IndexRole).toInt());
    return true;
}

bool PatchView::goToPreviousFile()
{
    const int row = m_current < 0 ? m_filterModel->rowCount() : rowOf(m_current);
    if (row <= 0)
        return false;
    setCurrentFile(m_filterModel->index(row - 1, 0).data(PatchFileModel::IndexRole).toInt());
    return true;
}

void PatchView::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_filterModel->setFilterFixedString(text);
    // The current file stays current while it matches; otherwise the first match is shown.
    if (m_current >= 0 && rowOf(m_current) >= 0) {
        const QSignalBlocker quiet(m_list->selectionModel());
        m_list->setCurrentIndex(m_filterModel->mapFromSource(m_model->index(m_current, PatchFileModel::PathColumn)));
    } else if (m_filterModel->rowCount() > 0) {
        setCurrentFile(m_filterModel->index(0, 0).data(PatchFileModel::IndexRole).toInt());
    }
}

void PatchView::keepCurrentEdit()
{
    if (!m_editing || m_current < 0 || !m_diff->isEditable())
        return;
    const auto texts = PatchWriter::editableTexts(patch().files().at(m_current));
    if (!texts)
        return;
    const QString edited = m_diff->editedText();
    if (edited == texts->newText)
        m_edits.remove(m_current);
    else
        m_edits.insert(m_current, edited);
    m_model->setEdited(m_current, m_edits.contains(m_current));
}

void PatchView::setEditing(bool editing)
{
    if (editing == m_editing)
        return;
    keepCurrentEdit();
    m_editing = editing;
    if (m_current >= 0)
        showFile(m_current);
    checkEdits();
}

void PatchView::setCompare(Compare compare)
{
    if (compare == m_compare)
        return;
    keepCurrentEdit();
    m_compare = compare;
    if (m_current >= 0)
        showFile(m_current);
}

void PatchView::clearEdits()
{
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        m_model->setEdited(it.key(), false);
    m_edits.clear();
    if (m_current >= 0)
        showFile(m_current);
    checkEdits();
}

void PatchView::restoreEdits(const QString &editedPatch)
{
    const auto kept = PatchSet::parse(editedPatch);
    if (!kept)
        return;
    const QList<PatchFile> &files = patch().files();
    for (const PatchFile &k : kept->files()) {
        for (qsizetype i = 0; i < files.size(); ++i) {
            const PatchFile &f = files.at(i);
            if (f.path() != k.path() || f.sectionText == k.sectionText || !PatchWriter::canEdit(f))
                continue;
            // The kept file's hunks state only lines the original patch showed: they apply to
            // the editor's old side.
            const auto texts = PatchWriter::editableTexts(f);
            const auto edited = UnifiedDiff::apply(k.diff, texts->oldText);
            if (edited && *edited != texts->newText) {
                m_edits.insert(int(i), *edited);
                m_model->setEdited(int(i), true);
            }
        }
    }
    if (m_current >= 0)
        showFile(m_current);
    checkEdits();
}

bool PatchView::hasEdits() const
{
    if (!m_edits.isEmpty())
        return true;
    if (!m_editing || m_current < 0 || !m_diff->isEditable())
        return false;
    const auto texts = PatchWriter::editableTexts(patch().files().at(m_current));
    return texts && m_diff->editedText() != texts->newText;
}

Result<QString> PatchView::editedPatch() const
{
    QHash<int, QString> edits = m_edits;
    if (m_editing && m_current >= 0 && m_diff->isEditable()) {
        const auto texts = PatchWriter::editableTexts(patch().files().at(m_current));
        if (texts && m_diff->editedText() != texts->newText)
            edits.insert(m_current, m_diff->editedText());
        else
            edits.remove(m_current);
    }
    if (edits.isEmpty())
        return patch().text();
    return PatchWriter::write(patch(), edits);
}

void PatchView::checkEdits()
{
    m_checkTimer.stop();
    QString problem;
    if (m_editing) {
        const auto written = editedPatch();
        if (!written)
            problem = written.error().message;
    }
    if (problem != m_problem) {
        m_problem = problem;
        m_problemLabel->setText(
            tr("Your edit cannot be sent as a patch: %1. Undo it, or edit only the lines the patch shows.")
                .arg(problem));
        m_problemLabel->setVisible(!problem.isEmpty());
    }
    Q_EMIT editsChanged();
}

void PatchView::focusEditor()
{
    m_diff->focusEditor();
}

void PatchView::updateSummary()
{
    const PatchSet &p = patch();
    const QString files = tr("%n file(s)", nullptr, int(p.files().size()));
    m_summary->setText(QStringLiteral("%1 · +%2 \u2212%3").arg(files).arg(p.addedCount()).arg(p.removedCount()));
}

} // namespace Countersign
