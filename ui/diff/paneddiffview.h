#pragma once

#include "diffdisplaymodel.h"
#include "diffpresenter.h"

#include <QWidget>

#include <memory>

namespace Countersign {

class DiffDocument;
class DiffOverviewRuler;
class DiffPane;

// The read-only views: one display model painted by one pane (unified) or two panes kept on
// the same rows (side-by-side). Holds everything but the pane arrangement, which the
// subclasses set up.
class PanedDiffView : public QWidget, public DiffPresenter
{
    Q_OBJECT

public:
    ~PanedDiffView() override;

    const DiffDisplayModel &model() const { return m_model; }
    const QList<DiffPane *> &panes() const { return m_panes; }
    // Beside the scroll bar: where the changes are; a click goes there.
    DiffOverviewRuler *overviewRuler() const { return m_ruler; }
    int currentRow() const;
    void setCurrentRow(int row, int context = 0);
    bool expandFold(int row);
    // Word wrap in every pane; a row is as tall as its longest side, so the sides stay level.
    void setWordWrap(bool wrap);
    bool wordWrap() const { return m_wrap; }

    // DiffPresenter
    QWidget *widget() override { return this; }
    void documentChanged() override;
    bool goToNextChange() override;
    bool goToPreviousChange() override;
    int currentChange() const override;
    int changeCount() const override;
    Location currentLocation() const override;
    void setCurrentLocation(const Location &location) override;
    QString selectedText() const override;
    void expandAll() override;
    bool find(const QString &text, bool backward) override;
    void focusView() override;

Q_SIGNALS:
    void currentRowChanged(int row);

protected:
    PanedDiffView(std::shared_ptr<DiffDocument> document, DiffDisplayModel::Layout layout, QWidget *parent);
    // Wires a pane to the model and to the other panes (rows, scrolling, folds).
    void addPane(DiffPane *pane);
    // The file names changed.
    virtual void updateTitles() { }
    DiffDocument *document() const { return m_document.get(); }

private:
    void reloadPanes();
    void updateRowLines();
    void updateRuler();
    void updateRulerRange();
    void jumpToRow(int row);
    DiffPane *primaryPane() const;

    std::shared_ptr<DiffDocument> m_document;
    DiffDisplayModel m_model;
    QList<DiffPane *> m_panes;
    DiffOverviewRuler *m_ruler;
    bool m_syncing = false;
    bool m_wrap = false;
};

} // namespace Countersign
