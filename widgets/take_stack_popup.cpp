#include "widgets/take_stack_popup.h"

#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QVBoxLayout>

#include "projects/project.h"

namespace cosmos::widgets {
namespace {

constexpr int kRole = Qt::UserRole + 1; // the take id
const QSize kIconSize(96, 54);
constexpr int kMaxVisibleRows = 6;

QString statusWord(projects::TakeStatus status)
{
    switch (status) {
    case projects::TakeStatus::Queued: return TakeStackPopup::tr("queued");
    case projects::TakeStatus::Running: return TakeStackPopup::tr("generating");
    case projects::TakeStatus::Done: return TakeStackPopup::tr("done");
    case projects::TakeStatus::Failed: return TakeStackPopup::tr("failed");
    case projects::TakeStatus::Cancelled: return TakeStackPopup::tr("cancelled");
    case projects::TakeStatus::Interrupted: return TakeStackPopup::tr("interrupted");
    }
    return {};
}

// The take's thumbnail letterboxed into the icon size, or a plain tile.
QPixmap iconOf(const projects::ProjectStore& store, const projects::TakeRecord& take, const QPalette& palette)
{
    QPixmap pixmap(kIconSize);
    pixmap.fill(palette.color(QPalette::Button));
    const QImage image = take.thumbnail.isNull() ? QImage() : QImage(store.media().absolutePath(take.thumbnail.path));
    if (!image.isNull()) {
        const QImage scaled = image.scaled(kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QPainter painter(&pixmap);
        painter.drawImage((kIconSize.width() - scaled.width()) / 2, (kIconSize.height() - scaled.height()) / 2, scaled);
    }
    return pixmap;
}

} // namespace

TakeStackPopup::TakeStackPopup(projects::Project& project, qint64 segmentId, QWidget* parent)
    : QFrame(parent, Qt::Popup), m_project(&project), m_segmentId(segmentId)
{
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    auto* title = new QLabel(tr("Takes: click one to use it (Enter)"), this);
    title->setEnabled(false); // the secondary text colour of the palette
    layout->addWidget(title);
    m_list = new QListWidget(this);
    m_list->setIconSize(kIconSize);
    m_list->setSpacing(1);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemClicked, this, &TakeStackPopup::choose);
    connect(m_list, &QListWidget::itemActivated, this, &TakeStackPopup::choose);
    fill(project.store());
}

void TakeStackPopup::fill(projects::ProjectStore& store)
{
    const QList<projects::TakeRecord> takes = store.takes(m_segmentId);
    int number = 0;
    for (const projects::TakeRecord& take : takes) {
        ++number;
        const QJsonValue seed = take.params.value(QLatin1String("seed"));
        QStringList details {statusWord(take.status)};
        if (take.durationMs > 0)
            details << tr("%1 s to make").arg(take.durationMs / 1000.0, 0, 'f', 1);
        if (take.selected)
            details << tr("in use");
        const QString first
            = seed.isDouble() ? tr("Take %1 · seed %2").arg(number).arg(seed.toInteger()) : tr("Take %1").arg(number);
        auto* item = new QListWidgetItem(QIcon(iconOf(store, take, palette())),
            first + QLatin1Char('\n') + details.join(QStringLiteral(" · ")), m_list);
        item->setData(kRole, take.id);
        if (take.selected) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            m_list->setCurrentItem(item);
        }
        // Only a finished take has a clip to show and continue from.
        if (take.status != projects::TakeStatus::Done) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            if (!take.error.isEmpty())
                item->setToolTip(take.error);
        }
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(m_list->count() - 1);
    const int rows = qBound(1, int(m_list->count()), kMaxVisibleRows);
    const int rowHeight = qMax(m_list->sizeHintForRow(0), kIconSize.height() + 6);
    m_list->setFixedSize(340, rows * (rowHeight + 2 * m_list->spacing()) + 2 * m_list->frameWidth());
}

void TakeStackPopup::popup(const QRect& anchor)
{
    adjustSize();
    const QScreen* screen = QGuiApplication::screenAt(anchor.center());
    const QRect available = screen ? screen->availableGeometry() : QRect(anchor.topLeft(), size());
    QPoint place(anchor.left(), anchor.top() - height() - 2);
    if (place.y() < available.top())
        place.setY(anchor.bottom() + 2);
    place.setX(qBound(available.left(), place.x(), qMax(available.left(), available.right() - width())));
    move(place);
    show();
    m_list->setFocus();
}

void TakeStackPopup::choose(QListWidgetItem* item)
{
    projects::Project* project = m_project;
    if (!item || !(item->flags() & Qt::ItemIsEnabled) || !project)
        return;
    const qint64 takeId = item->data(kRole).toLongLong();
    if (project->store().selectedTakeId(m_segmentId) != takeId)
        project->selectTake(m_segmentId, takeId);
    emit takeChosen(m_segmentId, takeId);
    close();
}

} // namespace cosmos::widgets
