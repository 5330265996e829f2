#include "widgets/prompt_matrix_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QShortcut>
#include <QSpinBox>
#include <cmath>

namespace cosmos::widgets {
namespace {

using projects::MatrixAxes;

// Long enough to tell boards apart in a list, short enough for a tab.
constexpr int kBoardPromptChars = 40;
constexpr int kMaxRandomSeeds = 64;
// As requestForSegment draws them: the engine reads seeds as 32-bit.
constexpr quint32 kRandomSeedBound = 1U << 30;

QString durationText(double seconds)
{
    if (seconds < 60)
        return PromptMatrixDialog::tr("under a minute");
    const int minutes = int(std::ceil(seconds / 60));
    if (minutes < 120)
        return PromptMatrixDialog::tr("about %1 min").arg(minutes);
    return PromptMatrixDialog::tr("about %1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

PromptMatrixDialog::PromptMatrixDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Prompt Matrix"));

    m_prompts = new QPlainTextEdit(this);
    m_prompts->setObjectName(QStringLiteral("prompts"));
    m_prompts->setTabChangesFocus(true);
    m_prompts->setMinimumHeight(m_prompts->fontMetrics().lineSpacing() * 6);
    m_prompts->setPlaceholderText(tr("One prompt per line, or a template:\na {red|blue} ball {drops|bounces}"));
    m_prompts->setToolTip(tr("Each line is a prompt; {a|b} tries each alternative in turn"));

    m_seeds = new QLineEdit(this);
    m_seeds->setObjectName(QStringLiteral("seeds"));
    m_seeds->setPlaceholderText(tr("The segment's seed, or e.g. 1, 2, 3 or 1-4"));
    m_seeds->setToolTip(tr("Seeds to try: a list, a range like 1-4, or both; empty keeps the segment's seed"));
    m_randomCount = new QSpinBox(this);
    m_randomCount->setObjectName(QStringLiteral("randomSeedCount"));
    m_randomCount->setRange(1, kMaxRandomSeeds);
    m_randomCount->setValue(4);
    m_randomCount->setToolTip(tr("How many random seeds to draw"));
    m_randomButton = new QPushButton(tr("&Random"), this);
    m_randomButton->setObjectName(QStringLiteral("randomSeeds"));
    m_randomButton->setAutoDefault(false);
    m_randomButton->setToolTip(tr("Fill in that many random seeds (Alt+R)"));

    m_guidances = new QLineEdit(this);
    m_guidances->setObjectName(QStringLiteral("guidances"));
    m_guidances->setPlaceholderText(tr("The segment's guidance, or e.g. 3, 5, 7"));
    m_guidances->setToolTip(tr("Guidance values to try; empty keeps the segment's guidance"));

    m_boardName = new QLineEdit(this);
    m_boardName->setObjectName(QStringLiteral("boardName"));
    m_boardName->setToolTip(tr("The comparison board the takes fill as they finish"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x30, 0x30));
    m_error->setPalette(errorPalette);
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_queue = buttons->addButton(tr("Queue"), QDialogButtonBox::AcceptRole);
    m_queue->setObjectName(QStringLiteral("queue"));
    const QKeySequence queueKey(Qt::CTRL | Qt::Key_Return);
    m_queue->setToolTip(tr("Queue the takes as one batch (%1)").arg(queueKey.toString(QKeySequence::NativeText)));
    // Return in a field must not queue dozens of takes by accident.
    for (QAbstractButton* button : buttons->buttons()) {
        if (auto* push = qobject_cast<QPushButton*>(button))
            push->setAutoDefault(false);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &PromptMatrixDialog::queue);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* queueShortcut = new QShortcut(queueKey, this);
    connect(queueShortcut, &QShortcut::activated, this, &PromptMatrixDialog::queue);

    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seeds, 1);
    seedRow->addWidget(m_randomCount);
    seedRow->addWidget(m_randomButton);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Prompts"), m_prompts);
    form->addRow(tr("Seeds"), seedRow);
    form->addRow(tr("Guidance"), m_guidances);
    form->addRow(tr("Board"), m_boardName);
    form->addRow(m_summary);
    form->addRow(m_error);
    form->addRow(buttons);

    connect(m_prompts, &QPlainTextEdit::textChanged, this, &PromptMatrixDialog::refresh);
    connect(m_seeds, &QLineEdit::textChanged, this, &PromptMatrixDialog::refresh);
    connect(m_guidances, &QLineEdit::textChanged, this, &PromptMatrixDialog::refresh);
    connect(m_randomButton, &QPushButton::clicked, this, &PromptMatrixDialog::drawRandomSeeds);
    // Cleared, the name follows the first prompt again.
    connect(m_boardName, &QLineEdit::textEdited, this,
        [this](const QString& text) { m_boardNameTyped = !text.trimmed().isEmpty(); });
    connect(m_boardName, &QLineEdit::editingFinished, this, &PromptMatrixDialog::refresh);
    refresh();
    resize(560, sizeHint().height());
}

void PromptMatrixDialog::setPromptText(const QString& text)
{
    m_prompts->setPlainText(text);
}

void PromptMatrixDialog::setSecondsPerTake(double seconds)
{
    m_secondsPerTake = seconds > 0 ? seconds : 0;
    refresh();
}

std::optional<projects::MatrixAxes> PromptMatrixDialog::axes() const
{
    return parse().axes;
}

int PromptMatrixDialog::takeCount() const
{
    const std::optional<MatrixAxes> parsed = axes();
    return parsed ? projects::matrixSize(*parsed) : 0;
}

QString PromptMatrixDialog::boardName() const
{
    const QString typed = m_boardName->text().trimmed();
    return typed.isEmpty() ? defaultBoardName() : typed;
}

QString PromptMatrixDialog::errorText() const
{
    return parse().error;
}

PromptMatrixDialog::Parsed PromptMatrixDialog::parse() const
{
    Parsed result;
    QString error;
    MatrixAxes axes;
    axes.prompts = projects::expandPromptTemplate(m_prompts->toPlainText(), &error);
    if (!error.isEmpty()) {
        result.error = tr("Prompts: %1").arg(error);
        return result;
    }
    if (axes.prompts.isEmpty()) {
        result.error = tr("Write at least one prompt.");
        return result;
    }
    const std::optional<QList<qint64>> seeds = projects::parseSeedList(m_seeds->text(), &error);
    if (!seeds) {
        result.error = tr("Seeds: %1").arg(error);
        return result;
    }
    axes.seeds = *seeds;
    const std::optional<QList<double>> guidances = projects::parseGuidanceList(m_guidances->text(), &error);
    if (!guidances) {
        result.error = tr("Guidance: %1").arg(error);
        return result;
    }
    axes.guidances = *guidances;
    result.error = projects::matrixError(axes);
    if (result.error.isEmpty())
        result.axes = axes;
    return result;
}

void PromptMatrixDialog::refresh()
{
    const Parsed parsed = parse();
    m_queue->setEnabled(bool(parsed.axes));
    m_error->setText(parsed.error);
    m_error->setVisible(!parsed.error.isEmpty());
    const QString defaultName = defaultBoardName();
    m_boardName->setPlaceholderText(defaultName);
    // Not while the user is in the field: a cleared name stays clear (the
    // placeholder shows what it stands for) until they leave it.
    if (!m_boardNameTyped && !m_boardName->hasFocus())
        m_boardName->setText(defaultName);
    if (!parsed.axes) {
        m_summary->setText(tr("No takes"));
        return;
    }
    const MatrixAxes& axes = *parsed.axes;
    // Spelled out: the studio ships no English numerus forms for "%n".
    const int count = projects::matrixSize(axes);
    const int prompts = int(axes.prompts.size());
    const int seeds = int(axes.seeds.size());
    const int guidances = int(axes.guidances.size());
    QString text = count == 1 ? tr("1 take") : tr("%1 takes").arg(count);
    if (m_secondsPerTake > 0)
        text = tr("%1, %2").arg(text, durationText(m_secondsPerTake * count));
    const QString promptText = prompts == 1 ? tr("1 prompt") : tr("%1 prompts").arg(prompts);
    const QString seedText = seeds == 0 ? tr("the segment's seed")
        : seeds == 1                    ? tr("1 seed")
                                        : tr("%1 seeds").arg(seeds);
    const QString guidanceText = guidances == 0 ? tr("the segment's guidance")
        : guidances == 1                        ? tr("1 guidance value")
                                                : tr("%1 guidance values").arg(guidances);
    m_summary->setText(tr("%1 (%2 × %3 × %4)").arg(text, promptText, seedText, guidanceText));
}

void PromptMatrixDialog::drawRandomSeeds()
{
    QSet<quint32> seen;
    QStringList seeds;
    while (seeds.size() < m_randomCount->value()) {
        const quint32 seed = QRandomGenerator::global()->bounded(kRandomSeedBound);
        if (seen.contains(seed))
            continue;
        seen.insert(seed);
        seeds << QString::number(seed);
    }
    m_seeds->setText(seeds.join(QStringLiteral(", ")));
}

void PromptMatrixDialog::queue()
{
    const std::optional<MatrixAxes> parsed = axes();
    if (!parsed)
        return;
    emit queueRequested(*parsed, boardName());
    accept();
}

QString PromptMatrixDialog::defaultBoardName() const
{
    const QStringList prompts = projects::expandPromptTemplate(m_prompts->toPlainText());
    QString first = prompts.value(0);
    if (first.size() > kBoardPromptChars)
        first = first.left(kBoardPromptChars - 1).trimmed() + QChar(0x2026);
    return first.isEmpty() ? tr("Matrix") : tr("Matrix: %1").arg(first);
}

} // namespace cosmos::widgets
