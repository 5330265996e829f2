#include "widgets/studio_status_bar.h"

#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QTimer>

#include <unistd.h>

namespace cosmos::widgets {
namespace {

QLabel* permanentLabel(QStatusBar* bar, const QString& objectName, const QString& toolTip, bool separated = true)
{
    if (separated) {
        auto* line = new QFrame(bar);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        bar->addPermanentWidget(line);
    }
    auto* label = new QLabel(bar);
    label->setObjectName(objectName);
    label->setToolTip(toolTip);
    label->setContentsMargins(6, 0, 6, 0);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    bar->addPermanentWidget(label);
    return label;
}

} // namespace

StudioStatusBar::StudioStatusBar(QWidget* parent) : QStatusBar(parent)
{
    setObjectName(QStringLiteral("studioStatusBar"));
    m_job = permanentLabel(this, QStringLiteral("jobLabel"), tr("The job queue"), false);
    m_model = permanentLabel(this, QStringLiteral("modelLabel"), tr("The model the engine has loaded"));
    m_device = permanentLabel(this, QStringLiteral("deviceLabel"), tr("Where the engine runs"));
    m_memory = permanentLabel(this, QStringLiteral("memoryLabel"), tr("Memory the studio holds (resident set)"));
    m_job->hide();
    setModel(QString());
    setDevice(QString());

    m_timer = new QTimer(this);
    m_timer->setInterval(kMemoryRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &StudioStatusBar::refreshMemory);
    m_timer->start();
    refreshMemory();
}

void StudioStatusBar::setDevice(const QString& text)
{
    m_device->setText(text.isEmpty() ? tr("Device: —") : text);
}

void StudioStatusBar::setModel(const QString& name)
{
    m_model->setText(name.isEmpty() ? tr("No model loaded") : tr("Model: %1").arg(name));
}

void StudioStatusBar::setJobSummary(const QString& text)
{
    m_job->setText(text);
    m_job->setVisible(!text.isEmpty());
}

void StudioStatusBar::refreshMemory()
{
    const qint64 bytes = residentBytes();
    m_memory->setText(bytes < 0
            ? tr("Memory: unknown")
            : tr("Memory: %1").arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat)));
}

QString StudioStatusBar::deviceText() const
{
    return m_device->text();
}

QString StudioStatusBar::modelText() const
{
    return m_model->text();
}

QString StudioStatusBar::jobSummaryText() const
{
    return m_job->text();
}

QString StudioStatusBar::memoryText() const
{
    return m_memory->text();
}

qint64 StudioStatusBar::residentBytes()
{
    // statm: size resident shared text lib data dt, in pages.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    bool ok = false;
    const qint64 pages = fields.size() > 1 ? fields.at(1).toLongLong(&ok) : 0;
    const long pageSize = sysconf(_SC_PAGESIZE);
    return ok && pageSize > 0 ? pages * pageSize : -1;
}

} // namespace cosmos::widgets
