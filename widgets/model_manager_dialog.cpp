#include "widgets/model_manager_dialog.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "projects/preference.h"
#include "widgets/model_list.h"

namespace cosmos::widgets {
namespace {

const QColor kOkColour(46, 157, 79);
const QColor kProblemColour(214, 69, 65);
const QColor kCheckingColour(42, 130, 218);
const QColor kNeutralColour(140, 140, 145);

QColor statusColour(ModelEntry::Status status)
{
    switch (status) {
    case ModelEntry::Status::Ok: return kOkColour;
    case ModelEntry::Status::Problem: return kProblemColour;
    case ModelEntry::Status::Checking: return kCheckingColour;
    case ModelEntry::Status::NotChecked: break;
    }
    return kNeutralColour;
}

QIcon dotIcon(const QColor& colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255, 220), 1.5)); // stays visible on a selected row
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(2.5, 2.5, 11.0, 11.0));
    return QIcon(pixmap);
}

QString withShortcut(const QString& text, const QKeySequence& shortcut)
{
    return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

QPushButton* actionButton(const QString& text, const QKeySequence& shortcut, const QString& toolTip, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setShortcut(shortcut);
    button->setToolTip(withShortcut(toolTip, shortcut));
    button->setAutoDefault(false);
    return button;
}

} // namespace

ModelManagerDialog::ModelManagerDialog(ModelList& models, QWidget* parent) : QDialog(parent), m_models(models)
{
    setWindowTitle(tr("Models"));
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(tr("The built-in nano model is always here. To add a Cosmos-Predict2.5 checkpoint, "
                                "choose the folder that holds its config.json, weights and tokenizer.json; "
                                "the studio checks every file before it offers the model."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTreeWidget(splitter);
    m_table->setObjectName(QStringLiteral("modelTable"));
    m_table->setColumnCount(4);
    m_table->setHeaderLabels({tr("Name"), tr("Status"), tr("Size"), tr("Folder")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    // Wide enough for every status, so the column does not jump while checks run.
    int statusWidth = 0;
    for (const QString& text : {tr("Not checked"), tr("Checking…"), tr("OK"), tr("Problem"), tr("Status")})
        statusWidth = qMax(statusWidth, m_table->fontMetrics().horizontalAdvance(text));
    m_table->header()->setSectionResizeMode(StatusColumn, QHeaderView::Fixed);
    m_table->header()->resizeSection(StatusColumn, statusWidth + 40); // icon and margins
    m_table->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_report = new QTextBrowser(splitter);
    m_report->setObjectName(QStringLiteral("modelReport"));
    m_report->setOpenLinks(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_report);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    auto* busyRow = new QHBoxLayout;
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0); // indeterminate: a check reports no progress
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(12);
    m_busyBar->setTextVisible(false);
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    busyRow->addWidget(m_busyBar);
    busyRow->addWidget(m_busyLabel, 1);
    layout->addLayout(busyRow);

    auto* buttons = new QHBoxLayout;
    m_add = actionButton(tr("&Add Model Folder…"), QKeySequence(QKeySequence::Open),
        tr("Add a model from the folder that holds its files"), this);
    m_verify
        = actionButton(tr("&Verify"), QKeySequence(Qt::Key_F5), tr("Check the selected model's files again"), this);
    m_remove = actionButton(tr("&Remove"), QKeySequence(QKeySequence::Delete),
        tr("Forget the selected model folder (its files stay on disk)"), this);
    auto* close = new QPushButton(tr("Close"), this);
    close->setAutoDefault(false);
    buttons->addWidget(m_add);
    buttons->addWidget(m_verify);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &ModelManagerDialog::chooseFolder);
    connect(m_verify, &QPushButton::clicked, this, &ModelManagerDialog::verifySelected);
    connect(m_remove, &QPushButton::clicked, this, &ModelManagerDialog::removeSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_notice.clear();
        showReport();
        updateButtons();
    });
    connect(&m_models, &ModelList::changed, this, &ModelManagerDialog::rebuildTable);

    rebuildTable();
    if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
    resize(760, 560);
}

void ModelManagerDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Checks are cheap (headers and shapes, no weights loaded) and run in the
    // background: show real statuses rather than "not checked".
    if (!m_checkedOnShow) {
        m_checkedOnShow = true;
        m_models.verifyUnchecked();
    }
}

void ModelManagerDialog::chooseFolder()
{
    const projects::Preference<QString> lastFolder {QStringLiteral("models/lastAddedParent"), QDir::homePath()};
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Model Folder"), lastFolder.get());
    if (folder.isEmpty())
        return;
    lastFolder.set(QFileInfo(folder).absolutePath());
    addFolder(folder);
}

void ModelManagerDialog::addFolder(const QString& folder)
{
    if (folder.trimmed().isEmpty())
        return;
    const bool added = m_models.addFolder(folder);
    selectFolder(folder);
    m_notice = added ? QString() : tr("This folder is listed already.");
    showReport();
}

void ModelManagerDialog::verifySelected()
{
    const QString folder = selectedFolder();
    if (!folder.isEmpty())
        m_models.verify(folder);
}

void ModelManagerDialog::removeSelected()
{
    const QString folder = selectedFolder();
    const ModelEntry* entry = m_models.entryForFolder(folder);
    if (!entry || entry->builtin)
        return;
    const int row = m_table->indexOfTopLevelItem(m_table->currentItem());
    m_models.removeFolder(folder);
    if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(qBound(0, row, m_table->topLevelItemCount() - 1)));
}

void ModelManagerDialog::selectFolder(const QString& folder)
{
    const QString clean = ModelList::cleanFolder(folder);
    for (int row = 0; row < m_table->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_table->topLevelItem(row);
        if (item->data(NameColumn, Qt::UserRole).toString() == clean) {
            m_table->setCurrentItem(item);
            return;
        }
    }
}

QString ModelManagerDialog::selectedFolder() const
{
    const QTreeWidgetItem* item = m_table->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

bool ModelManagerDialog::isBusy() const
{
    return m_models.isChecking();
}

QString ModelManagerDialog::reportText() const
{
    return m_report->toPlainText();
}

void ModelManagerDialog::rebuildTable()
{
    const QString selected = selectedFolder();
    const QSignalBlocker blocker(m_table);
    m_table->clear();
    for (const ModelEntry& entry : m_models.entries()) {
        auto* item = new QTreeWidgetItem(m_table);
        item->setData(NameColumn, Qt::UserRole, entry.folder);
        item->setText(NameColumn, entry.builtin ? tr("%1 (built-in)").arg(entry.name) : entry.name);
        QString status;
        switch (entry.status) {
        case ModelEntry::Status::NotChecked: status = tr("Not checked"); break;
        case ModelEntry::Status::Checking: status = tr("Checking…"); break;
        case ModelEntry::Status::Ok: status = tr("OK"); break;
        case ModelEntry::Status::Problem: status = tr("Problem"); break;
        }
        item->setText(StatusColumn, status);
        item->setIcon(StatusColumn, dotIcon(statusColour(entry.status)));
        item->setText(SizeColumn,
            entry.sizeBytes < 0 ? QStringLiteral("—")
                                : QLocale().formattedDataSize(entry.sizeBytes, 1, QLocale::DataSizeIecFormat));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(
            FolderColumn, entry.folder.isEmpty() ? tr("(not installed)") : QDir::toNativeSeparators(entry.folder));
        item->setToolTip(FolderColumn, QDir::toNativeSeparators(entry.folder));
        if (entry.status == ModelEntry::Status::Problem)
            item->setToolTip(StatusColumn, entry.error);
        if (!entry.folder.isEmpty() && entry.folder == selected)
            m_table->setCurrentItem(item);
    }
    if (!m_table->currentItem() && m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
    showReport();
    updateButtons();
    updateBusy();
}

void ModelManagerDialog::showReport()
{
    const ModelEntry* entry = m_models.entryForFolder(selectedFolder());
    if (!entry && m_table->currentItem() && m_table->indexOfTopLevelItem(m_table->currentItem()) == 0
        && !m_models.entries().isEmpty())
        entry = &m_models.entries().front(); // the built-in model without a folder
    QString html;
    if (!m_notice.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(m_notice.toHtmlEscaped());
    if (entry)
        html += reportHtml(*entry);
    m_report->setHtml(html);
}

QString ModelManagerDialog::reportHtml(const ModelEntry& entry) const
{
    const auto coloured = [](const QColor& colour, const QString& html) {
        return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), html);
    };
    QString html = QStringLiteral("<h3>%1</h3>").arg(entry.name.toHtmlEscaped());
    if (!entry.folder.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(coloured(kNeutralColour, QDir::toNativeSeparators(entry.folder).toHtmlEscaped()));
    switch (entry.status) {
    case ModelEntry::Status::NotChecked:
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Not checked yet: press Verify (F5) to check its files.").toHtmlEscaped());
        break;
    case ModelEntry::Status::Checking:
        html += QStringLiteral("<p>%1</p>").arg(coloured(kCheckingColour, tr("Checking the files…").toHtmlEscaped()));
        break;
    case ModelEntry::Status::Ok:
        html += QStringLiteral("<p>%1</p>")
                    .arg(coloured(kOkColour, QStringLiteral("<b>%1</b>").arg(tr("Ready to use.").toHtmlEscaped())));
        break;
    case ModelEntry::Status::Problem:
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(coloured(kProblemColour, QStringLiteral("<b>%1</b>").arg(tr("Problem:").toHtmlEscaped())),
                        entry.error.toHtmlEscaped());
        if (!entry.builtin && !entry.saved)
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("The model is not offered for generation until its files pass the check. Fix "
                                "them and press Verify (F5), or remove the folder.")
                                 .toHtmlEscaped());
        break;
    }
    if (entry.status == ModelEntry::Status::Checking || entry.reportLines.isEmpty())
        return html;

    html += QStringLiteral("<p style=\"margin-top:10px\"><b>%1</b></p>").arg(tr("What was checked").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"2\">");
    for (const QString& line : entry.reportLines) {
        struct Kind {
            const char* prefix;
            QColor colour;
        };
        static const Kind kinds[] = {{"[ok] ", kOkColour}, {"[problem] ", kProblemColour}, {"[info] ", kNeutralColour}};
        QString marker;
        QString text = line;
        for (const Kind& kind : kinds)
            if (line.startsWith(QLatin1String(kind.prefix))) {
                marker = coloured(kind.colour, QStringLiteral("&#9679;"));
                text = line.mid(int(qstrlen(kind.prefix)));
            }
        if (marker.isEmpty()) // a detail line under a finding: keep its indentation
            html += QStringLiteral("<tr><td></td><td><pre style=\"margin:0\">%1</pre></td></tr>")
                        .arg(text.toHtmlEscaped());
        else
            html += QStringLiteral("<tr><td valign=\"top\">%1</td><td>%2</td></tr>").arg(marker, text.toHtmlEscaped());
    }
    return html + QStringLiteral("</table>");
}

void ModelManagerDialog::updateButtons()
{
    const ModelEntry* entry = m_models.entryForFolder(selectedFolder());
    m_verify->setEnabled(entry && entry->status != ModelEntry::Status::Checking);
    m_remove->setEnabled(entry && !entry->builtin);
}

void ModelManagerDialog::updateBusy()
{
    QStringList checking;
    for (const ModelEntry& entry : m_models.entries())
        if (entry.status == ModelEntry::Status::Checking)
            checking.append(entry.name);
    const bool busy = m_models.isChecking();
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    m_busyLabel->setText(
        checking.isEmpty() ? tr("Checking…") : tr("Checking %1…").arg(checking.join(QStringLiteral(", "))));
}

} // namespace cosmos::widgets
