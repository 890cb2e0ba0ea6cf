#pragma once

#include "appsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFontComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace Countersign {

// Edits AppSettings: theme, syntax highlighting theme, notifications, diff font, undo window and
// the batch-approve confirmation. Nothing is written until Apply or OK; then AppSettings emits
// changed() once and the app (ThemeManager, main window) follows.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Categories the app has seen (from the queue or the policy), offered for notifications
    // next to those already chosen.
    void setKnownCategories(const QStringList &categories);

    // What the controls show now (applied or not).
    AppSettings::Values shownValues() const;

public Q_SLOTS:
    void apply();
    void restoreDefaults();
    void accept() override;

private:
    void buildUi();
    QWidget *buildAppearance();
    QWidget *buildNotifications();
    QWidget *buildReview();
    void showValues(const AppSettings::Values &values);
    void setCategories(const QStringList &known, const QStringList &checked);
    void addCategory();
    void updateButtons();

    AppSettings *m_settings;
    QStringList m_knownCategories;

    QComboBox *m_theme = nullptr;
    QComboBox *m_syntaxTheme = nullptr;
    QCheckBox *m_notifyNewItems = nullptr;
    QCheckBox *m_notifySlaBreaches = nullptr;
    QCheckBox *m_notifyEscalations = nullptr;
    QComboBox *m_notifyFor = nullptr;
    QListWidget *m_categories = nullptr;
    QLineEdit *m_categoryEdit = nullptr;
    QPushButton *m_addCategory = nullptr;
    QFontComboBox *m_fontFamily = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QSpinBox *m_undoWindow = nullptr;
    QCheckBox *m_confirmBatch = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Countersign
