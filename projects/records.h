// The rows of a project as plain values: what the store reads and writes and
// what undo commands keep. Enums are stored as stable lower-case words.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace cosmos::projects {

// A file under the project's media/ folder: the path is relative to the
// project folder, the hash is the SHA-256 of the content (hex).
struct MediaRef {
    QString path;
    QString sha256;
    qint64 sizeBytes = 0;
    bool isNull() const { return path.isEmpty(); }
};

enum class Conditioning { Text, Image, Video, Continue };
enum class TakeStatus { Queued, Running, Done, Failed, Cancelled, Interrupted };
enum class JobState { Pending, Running, Paused, Done, Failed, Cancelled, Interrupted };

QString toText(Conditioning value);
QString toText(TakeStatus value);
QString toText(JobState value);
// AssetRecord::kind of a file that conditions this way: "video" or "image".
QString assetKindFor(Conditioning conditioning);
std::optional<Conditioning> conditioningFromString(const QString& text);
std::optional<TakeStatus> takeStatusFromString(const QString& text);
std::optional<JobState> jobStateFromString(const QString& text);

struct SegmentRecord {
    qint64 id = 0; // 0: not yet stored
    int position = 0; // 0-based place on the timeline
    QString prompt;
    QString negativePrompt;
    // Continue: starts from the last frames of the previous segment's
    // selected take; the segment is stale when that take changes.
    Conditioning conditioning = Conditioning::Text;
    qint64 conditioningAssetId = 0; // image or video asset; 0: none
    QJsonObject settings; // model, steps, guidance, seed, resolution, frames, sampler, shift
    bool stale = false;
};

// What removing a segment cuts besides its row and its takes (the schema's
// cascades): the takes' places on comparison boards and in jobs, and the
// jobs made for the segment. Undo puts them back.
struct SegmentLinks {
    struct BoardPlace {
        qint64 boardId = 0;
        qint64 takeId = 0;
        int position = 0;
    };
    struct JobTake {
        qint64 jobId = 0;
        qint64 takeId = 0;
    };
    QList<BoardPlace> boardPlaces;
    QList<JobTake> jobTakes;
    QList<qint64> jobIds; // jobs whose segment it was
};

struct TakeRecord {
    qint64 id = 0;
    qint64 segmentId = 0;
    QJsonObject params; // the full parameter snapshot
    QJsonObject provenance; // model, weights hash, engine version, ...
    TakeStatus status = TakeStatus::Queued;
    MediaRef clip;
    MediaRef thumbnail;
    MediaRef latents;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 durationMs = 0;
    QString error;
    bool selected = false;
};

struct JobRecord {
    qint64 id = 0;
    int position = 0; // order in the queue
    JobState state = JobState::Pending;
    int priority = 0; // higher runs first
    qint64 segmentId = 0;
    QJsonObject request;
    QList<qint64> takeIds;
    QString error;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A comparison board: takes, of any segments, gathered side by side.
struct BoardRecord {
    qint64 id = 0;
    int position = 0; // order among the boards
    QString name;
    QList<qint64> takeIds; // in the board's order
    QDateTime createdAt;
};

struct AssetRecord {
    qint64 id = 0;
    QString kind; // image, video, other
    QString name; // original file name
    MediaRef media;
    QDateTime createdAt;
};

} // namespace cosmos::projects
