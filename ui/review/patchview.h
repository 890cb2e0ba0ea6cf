#pragma once

#include "diff/patchset.h"
#include "domain/error.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace Countersign {

class DiffWidget;
class PatchFileModel;

// A multi-file patch as a reviewer expects it (GitHub, Gerrit, Qt Creator's diff editor): the
// list of files (status, +added −removed, filter by path), Next/Previous file, and the current
// file's hunks in a DiffWidget (side-by-side or unified, highlighted by the file's extension,
// the lines between hunks folded as "⋯ n lines hidden").
//
// Editing changes the new side of files (each kept while the reviewer moves between files),
// shown against the old side or against the agent's new side (setCompare); editedPatch()
// writes the whole patch again (PatchWriter).
class PatchView : public QWidget
{
    Q_OBJECT

public:
    // A file whose hunks sit further apart than this is listed but not drawn.
    static constexpr int MaxShownLines = 500'000;

    explicit PatchView(QWidget *parent = nullptr);

    // Shows a parsed patch; the first file is current.
    void setPatch(const PatchSet &patch);
    const PatchSet &patch() const;

    int fileCount() const;
    // The file shown (index into patch().files()), -1 for none.
    int currentFile() const { return m_current; }
    void setCurrentFile(int file);
    // The next / previous file in the (filtered) list; false at its end.
    bool goToNextFile();
    bool goToPreviousFile();
    void setFilter(const QString &text);

    void setEditing(bool editing);
    bool isEditing() const { return m_editing; }

    // What the current file's diff compares, as the review pane's three views do.
    enum class Compare {
        Proposed, // the patch: old side -> the agent's new side, read-only
        Edits, // the agent's new side -> your version (the editor while editing)
        Result, // old side -> your version (the editor while editing); the patch otherwise
    };
    void setCompare(Compare compare);
    Compare compare() const { return m_compare; }
    // Discards every edit.
    void clearEdits();
    // Takes up the edits a patch written by editedPatch() holds (a kept draft).
    void restoreEdits(const QString &editedPatch);
    bool hasEdits() const;
    // The whole patch with the reviewer's edits; the patch itself without any.
    Result<QString> editedPatch() const;
    // Why the current edits cannot be written as a patch; empty when they can.
    QString editProblem() const { return m_problem; }
    void focusEditor();

    DiffWidget *diffWidget() const { return m_diff; }
    QTreeView *fileList() const { return m_list; }
    QAction *nextFileAction() const { return m_nextFile; }
    QAction *previousFileAction() const { return m_previousFile; }

Q_SIGNALS:
    void currentFileChanged(int file);
    // The reviewer typed, or the edits were checked (editProblem() may have changed).
    void editsChanged();

private:
    void showFile(int file);
    void keepCurrentEdit();
    void checkEdits();
    void updateSummary();
    int rowOf(int file) const;

    PatchFileModel *m_model;
    QSortFilterProxyModel *m_filterModel;
    QLabel *m_summary;
    QLabel *m_fileNotice;
    QLabel *m_problemLabel;
    QLineEdit *m_filter;
    QTreeView *m_list;
    DiffWidget *m_diff;
    QAction *m_nextFile;
    QAction *m_previousFile;

    int m_current = -1;
    bool m_editing = false;
    Compare m_compare = Compare::Result;
    QHash<int, QString> m_edits; // file -> its edited new side (PatchWriter::editableTexts form)
    QString m_problem;
    QTimer m_checkTimer;
};

} // namespace Countersign
