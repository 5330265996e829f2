#include "projects/records.h"

#include <array>
#include <utility>

namespace cosmos::projects {
namespace {

// One table per enum keeps the words in the database and the code in step.
template<typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, const char*>, N>;

constexpr Names<Conditioning, 4> kConditioning {{
    {Conditioning::Text, "text"},
    {Conditioning::Image, "image"},
    {Conditioning::Video, "video"},
    {Conditioning::Continue, "continue"},
}};
constexpr Names<TakeStatus, 6> kTakeStatus {{
    {TakeStatus::Queued, "queued"},
    {TakeStatus::Running, "running"},
    {TakeStatus::Done, "done"},
    {TakeStatus::Failed, "failed"},
    {TakeStatus::Cancelled, "cancelled"},
    {TakeStatus::Interrupted, "interrupted"},
}};
constexpr Names<JobState, 7> kJobState {{
    {JobState::Pending, "pending"},
    {JobState::Running, "running"},
    {JobState::Paused, "paused"},
    {JobState::Done, "done"},
    {JobState::Failed, "failed"},
    {JobState::Cancelled, "cancelled"},
    {JobState::Interrupted, "interrupted"},
}};

template<typename Enum, std::size_t N>
QString nameOf(const Names<Enum, N>& names, Enum value)
{
    for (const auto& [candidate, name] : names) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const Names<Enum, N>& names, const QString& text)
{
    for (const auto& [value, name] : names) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

} // namespace

QString toText(Conditioning value)
{
    return nameOf(kConditioning, value);
}
QString assetKindFor(Conditioning conditioning)
{
    return conditioning == Conditioning::Video ? QStringLiteral("video") : QStringLiteral("image");
}

QString toText(TakeStatus value)
{
    return nameOf(kTakeStatus, value);
}
QString toText(JobState value)
{
    return nameOf(kJobState, value);
}
std::optional<Conditioning> conditioningFromString(const QString& text)
{
    return valueOf(kConditioning, text);
}
std::optional<TakeStatus> takeStatusFromString(const QString& text)
{
    return valueOf(kTakeStatus, text);
}
std::optional<JobState> jobStateFromString(const QString& text)
{
    return valueOf(kJobState, text);
}

} // namespace cosmos::projects
