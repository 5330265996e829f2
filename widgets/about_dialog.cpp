#include "widgets/about_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cosmos::widgets {

AboutDialog::AboutDialog(const QString& studioVersion, const QList<ComponentVersionRow>& components, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Cosmos Studio"));
    auto* layout = new QVBoxLayout(this);

    auto* title = new QLabel(tr("<h2>Cosmos Studio %1</h2>").arg(studioVersion.toHtmlEscaped()), this);
    auto* blurb = new QLabel(tr("Author world simulations with Cosmos-Predict2.5-class video world models: "
                                "text, image or video in, a physically plausible rollout out."),
        this);
    blurb->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(blurb);

    m_table = new QTableWidget(int(components.size()), 2, this);
    m_table->setObjectName(QStringLiteral("versionsTable"));
    m_table->setHorizontalHeaderLabels({tr("Component"), tr("Version")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int row = 0; row < components.size(); ++row) {
        m_table->setItem(row, 0, new QTableWidgetItem(components[row].name));
        m_table->setItem(row, 1, new QTableWidgetItem(components[row].version));
    }
    layout->addWidget(m_table);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy Versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 360);
}

QString AboutDialog::versionsText() const
{
    QStringList lines;
    for (int row = 0; row < m_table->rowCount(); ++row)
        lines << m_table->item(row, 0)->text() + QStringLiteral(": ") + m_table->item(row, 1)->text();
    return lines.join(QLatin1Char('\n'));
}

} // namespace cosmos::widgets
