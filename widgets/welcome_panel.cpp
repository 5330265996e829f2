#include "widgets/welcome_panel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cosmos::widgets {

WelcomePanel::WelcomePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);

    auto* title = new QLabel(tr("Cosmos Studio"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto* tagline = new QLabel(tr("Author world simulations with video world models: "
                                  "text, image or video in, a physically plausible rollout out."),
        this);
    tagline->setAlignment(Qt::AlignCenter);
    tagline->setWordWrap(true);

    m_engineSummary = new QLabel(this);
    m_engineSummary->setObjectName(QStringLiteral("engineSummary"));
    m_engineSummary->setAlignment(Qt::AlignCenter);
    m_engineSummary->setEnabled(false); // drawn in the muted palette colour

    layout->addWidget(title);
    layout->addWidget(tagline);
    layout->addSpacing(24);
    layout->addWidget(m_engineSummary);
    layout->addStretch(3);
}

void WelcomePanel::setEngineSummary(const QString& summary)
{
    m_engineSummary->setText(summary);
}

} // namespace cosmos::widgets
