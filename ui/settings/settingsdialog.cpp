#include "settingsdialog.h"

#include "diff/syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Countersign {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Configure Countersign"));
    buildUi();
    showValues(m_settings->values());
    // Another window (or a second dialog) may apply while this one is open.
    connect(m_settings, &AppSettings::changed, this, &SettingsDialog::updateButtons);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::buildUi()
{
    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults,
        this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("applyButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("defaultsButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &SettingsDialog::restoreDefaults);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(buildAppearance());
    left->addWidget(buildReview());
    left->addStretch(1);
    columns->addLayout(left, 1);
    columns->addWidget(buildNotifications(), 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);
}

QWidget *SettingsDialog::buildAppearance()
{
    auto *box = new QGroupBox(tr("Appearance"), this);
    box->setObjectName(QStringLiteral("appearanceGroup"));

    m_theme = new QComboBox(box);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Follow the system"), QVariant::fromValue(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), QVariant::fromValue(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), QVariant::fromValue(AppSettings::Theme::Dark));

    m_syntaxTheme = new QComboBox(box);
    m_syntaxTheme->setObjectName(QStringLiteral("syntaxThemeCombo"));
    m_syntaxTheme->addItem(tr("Automatic (from the colour scheme)"), QString());
    auto themes = SyntaxRepository::repository().themes();
    std::sort(themes.begin(), themes.end(), [](const auto &a, const auto &b) {
        return a.translatedName().localeAwareCompare(b.translatedName()) < 0;
    });
    for (const auto &theme : themes)
        m_syntaxTheme->addItem(theme.translatedName(), theme.name());

    m_fontFamily = new QFontComboBox(box);
    m_fontFamily->setObjectName(QStringLiteral("diffFontCombo"));
    m_fontFamily->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontFamily->setEditable(false);
    m_fontSize = new QSpinBox(box);
    m_fontSize->setObjectName(QStringLiteral("diffFontSizeSpin"));
    m_fontSize->setRange(6, 72);
    m_fontSize->setSuffix(tr(" pt"));
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_fontFamily, 1);
    fontRow->addWidget(m_fontSize);

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Syntax highlighting:"), m_syntaxTheme);
    form->addRow(tr("&Diff font:"), fontRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(fontRow)))
        label->setBuddy(m_fontFamily);

    for (auto *combo : {m_theme, m_syntaxTheme})
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateButtons);
    connect(m_fontFamily, &QFontComboBox::currentFontChanged, this, &SettingsDialog::updateButtons);
    connect(m_fontSize, &QSpinBox::valueChanged, this, &SettingsDialog::updateButtons);
    return box;
}

QWidget *SettingsDialog::buildReview()
{
    auto *box = new QGroupBox(tr("Reviewing"), this);
    box->setObjectName(QStringLiteral("reviewGroup"));

    m_undoWindow = new QSpinBox(box);
    m_undoWindow->setObjectName(QStringLiteral("undoWindowSpin"));
    m_undoWindow->setRange(AppSettings::MinUndoWindowSeconds, AppSettings::MaxUndoWindowSeconds);
    m_undoWindow->setSuffix(tr(" s"));
    m_undoWindow->setSpecialValueText(tr("No undo"));
    m_undoWindow->setToolTip(tr("How long a decision can be taken back before it is sent to the server."));

    m_confirmBatch = new QCheckBox(tr("Ask before approving several items at &once"), box);
    m_confirmBatch->setObjectName(QStringLiteral("confirmBatchCheck"));

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Undo window:"), m_undoWindow);
    form->addRow(m_confirmBatch);

    connect(m_undoWindow, &QSpinBox::valueChanged, this, &SettingsDialog::updateButtons);
    connect(m_confirmBatch, &QCheckBox::toggled, this, &SettingsDialog::updateButtons);
    return box;
}

QWidget *SettingsDialog::buildNotifications()
{
    auto *box = new QGroupBox(tr("Notifications"), this);
    box->setObjectName(QStringLiteral("notificationsGroup"));

    m_notifyNewItems = new QCheckBox(tr("&New items"), box);
    m_notifyNewItems->setObjectName(QStringLiteral("notifyNewItemsCheck"));
    m_notifySlaBreaches = new QCheckBox(tr("&Review deadlines (SLA) missed"), box);
    m_notifySlaBreaches->setObjectName(QStringLiteral("notifySlaBreachesCheck"));
    m_notifyEscalations = new QCheckBox(tr("&Escalations"), box);
    m_notifyEscalations->setObjectName(QStringLiteral("notifyEscalationsCheck"));

    using Scope = NotificationRules::Scope;
    m_notifyFor = new QComboBox(box);
    m_notifyFor->setObjectName(QStringLiteral("notifyForCombo"));
    m_notifyFor->addItem(tr("All items"), QVariant::fromValue(Scope::AllItems));
    m_notifyFor->addItem(tr("Escalated items only"), QVariant::fromValue(Scope::EscalatedOnly));
    m_notifyFor->addItem(tr("Items in my categories"), QVariant::fromValue(Scope::MyCategories));
    auto *notifyForLabel = new QLabel(tr("Notify &for:"), box);
    notifyForLabel->setBuddy(m_notifyFor);
    auto *notifyForRow = new QHBoxLayout;
    notifyForRow->addWidget(notifyForLabel);
    notifyForRow->addWidget(m_notifyFor, 1);

    auto *categoriesLabel = new QLabel(tr("My &categories (none checked: all of them):"), box);
    categoriesLabel->setWordWrap(true);
    m_categories = new QListWidget(box);
    m_categories->setObjectName(QStringLiteral("categoryList"));
    m_categories->setMinimumHeight(110);
    categoriesLabel->setBuddy(m_categories);

    m_categoryEdit = new QLineEdit(box);
    m_categoryEdit->setObjectName(QStringLiteral("categoryEdit"));
    m_categoryEdit->setPlaceholderText(tr("Another category"));
    m_addCategory = new QPushButton(tr("&Add"), box);
    m_addCategory->setObjectName(QStringLiteral("addCategoryButton"));
    m_addCategory->setAutoDefault(false);
    m_addCategory->setEnabled(false);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_categoryEdit, 1);
    addRow->addWidget(m_addCategory);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_notifyNewItems);
    layout->addWidget(m_notifySlaBreaches);
    layout->addWidget(m_notifyEscalations);
    layout->addSpacing(6);
    layout->addLayout(notifyForRow);
    layout->addWidget(categoriesLabel);
    layout->addWidget(m_categories, 1);
    layout->addLayout(addRow);

    for (auto *check : {m_notifyNewItems, m_notifySlaBreaches, m_notifyEscalations})
        connect(check, &QCheckBox::toggled, this, &SettingsDialog::updateButtons);
    connect(m_notifyFor, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateButtons);
    connect(m_categories, &QListWidget::itemChanged, this, &SettingsDialog::updateButtons);
    connect(m_categoryEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_addCategory->setEnabled(!text.trimmed().isEmpty());
    });
    connect(m_categoryEdit, &QLineEdit::returnPressed, this, &SettingsDialog::addCategory);
    connect(m_addCategory, &QPushButton::clicked, this, &SettingsDialog::addCategory);
    return box;
}

void SettingsDialog::setCategories(const QStringList &known, const QStringList &checked)
{
    QStringList all = known + checked;
    for (auto &c : all)
        c = c.trimmed();
    all.removeAll(QString());
    all.sort(Qt::CaseInsensitive);
    all.removeDuplicates();
    const QSignalBlocker blocker(m_categories);
    m_categories->clear();
    for (const auto &name : std::as_const(all)) {
        auto *item = new QListWidgetItem(name, m_categories);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

void SettingsDialog::setKnownCategories(const QStringList &categories)
{
    m_knownCategories = categories;
    setCategories(m_knownCategories, shownValues().notificationCategories);
    updateButtons();
}

void SettingsDialog::addCategory()
{
    const QString name = m_categoryEdit->text().trimmed();
    if (name.isEmpty())
        return;
    QStringList checked = shownValues().notificationCategories;
    checked.append(name);
    QStringList known = m_knownCategories;
    for (int i = 0; i < m_categories->count(); ++i)
        known.append(m_categories->item(i)->text());
    setCategories(known, checked);
    m_categoryEdit->clear();
    updateButtons();
}

void SettingsDialog::showValues(const AppSettings::Values &values)
{
    const QSignalBlocker b1(m_theme), b2(m_syntaxTheme), b3(m_fontFamily), b4(m_fontSize), b5(m_undoWindow),
        b6(m_confirmBatch), b7(m_notifyNewItems), b8(m_notifySlaBreaches), b9(m_notifyEscalations), b10(m_notifyFor);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(QVariant::fromValue(values.theme))));
    int syntaxIndex = m_syntaxTheme->findData(values.syntaxTheme);
    if (syntaxIndex < 0) {
        // A theme that is no longer installed: keep it visible rather than silently switch.
        m_syntaxTheme->addItem(values.syntaxTheme, values.syntaxTheme);
        syntaxIndex = m_syntaxTheme->count() - 1;
    }
    m_syntaxTheme->setCurrentIndex(syntaxIndex);
    m_fontFamily->setCurrentFont(values.diffFont);
    m_fontSize->setValue(values.diffFont.pointSize());
    m_undoWindow->setValue(values.undoWindowSeconds);
    m_confirmBatch->setChecked(values.confirmBatchApprove);
    m_notifyNewItems->setChecked(values.notifyNewItems);
    m_notifySlaBreaches->setChecked(values.notifySlaBreaches);
    m_notifyEscalations->setChecked(values.notifyEscalations);
    m_notifyFor->setCurrentIndex(std::max(0, m_notifyFor->findData(QVariant::fromValue(values.notifyFor))));
    setCategories(m_knownCategories, values.notificationCategories);
    updateButtons();
}

AppSettings::Values SettingsDialog::shownValues() const
{
    AppSettings::Values v;
    v.theme = m_theme->currentData().value<AppSettings::Theme>();
    v.syntaxTheme = m_syntaxTheme->currentData().toString();
    QFont font = m_fontFamily->currentFont();
    font.setPointSize(m_fontSize->value());
    v.diffFont = font;
    v.undoWindowSeconds = m_undoWindow->value();
    v.confirmBatchApprove = m_confirmBatch->isChecked();
    v.notifyNewItems = m_notifyNewItems->isChecked();
    v.notifySlaBreaches = m_notifySlaBreaches->isChecked();
    v.notifyEscalations = m_notifyEscalations->isChecked();
    v.notifyFor = m_notifyFor->currentData().value<NotificationRules::Scope>();
    for (int i = 0; i < m_categories->count(); ++i) {
        if (m_categories->item(i)->checkState() == Qt::Checked)
            v.notificationCategories.append(m_categories->item(i)->text());
    }
    return v;
}

void SettingsDialog::updateButtons()
{
    const AppSettings::Values shown = shownValues();
    const AppSettings::Values stored = m_settings->values();
    // Compare what is stored, not QFont objects, which differ in attributes nobody edits here.
    const bool dirty = shown.theme != stored.theme || shown.syntaxTheme != stored.syntaxTheme
        || shown.diffFont.family() != stored.diffFont.family()
        || shown.diffFont.pointSize() != stored.diffFont.pointSize()
        || shown.undoWindowSeconds != stored.undoWindowSeconds
        || shown.confirmBatchApprove != stored.confirmBatchApprove || shown.notifyNewItems != stored.notifyNewItems
        || shown.notifySlaBreaches != stored.notifySlaBreaches || shown.notifyEscalations != stored.notifyEscalations
        || shown.notifyFor != stored.notifyFor || shown.notificationCategories != stored.notificationCategories;
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(dirty);
    // The categories only count for "Notify for: items in my categories".
    const bool anyKind
        = m_notifyNewItems->isChecked() || m_notifySlaBreaches->isChecked() || m_notifyEscalations->isChecked();
    const bool byCategory = anyKind && shown.notifyFor == NotificationRules::Scope::MyCategories;
    m_notifyFor->setEnabled(anyKind);
    m_categories->setEnabled(byCategory);
    m_categoryEdit->setEnabled(byCategory);
    m_addCategory->setEnabled(byCategory && !m_categoryEdit->text().trimmed().isEmpty());
}

void SettingsDialog::apply()
{
    m_settings->setValues(shownValues());
    updateButtons();
}

void SettingsDialog::restoreDefaults()
{
    showValues(AppSettings::defaults());
}

void SettingsDialog::accept()
{
    apply();
    QDialog::accept();
}

} // namespace Countersign
