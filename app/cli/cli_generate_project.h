// `cosmos-cli generate --project DIR [--segment N]`: the take goes into a
// project. The project is opened for writing (and so locked) before the
// model loads, a running take is stored, the engine writes the clip and
// latent to a temporary folder, and they are copied into the project's
// media when it is done.
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <string>

#include "app/cli/cli.h"
#include "engine/tools/generate_tool.h"
#include "projects/project_error.h"
#include "projects/project_store.h"
#include "projects/records.h"

namespace cosmos::app::cli {

class GenerationInProject {
public:
    // `segmentNumber`: 1-based, 0 for the last segment (see TakeRequest).
    static std::unique_ptr<GenerationInProject> start(const QString& folder, int segmentNumber,
        const engine::tools::GenerateOptions& options, projects::ProjectError* error);
    // A take still running here (an error escaped) is marked failed.
    ~GenerationInProject();
    GenerationInProject(const GenerationInProject&) = delete;
    GenerationInProject& operator=(const GenerationInProject&) = delete;

    // Where the engine writes the clip and the latent when the user did not
    // name files of their own.
    QString temporaryClipPath() const;
    QString temporaryLatentPath() const;

    bool finish(const QString& clipPath, const QString& latentPath, const std::string& provenanceJson,
        projects::ProjectError* error);
    void abandon(projects::TakeStatus status, const QString& message);

    const projects::TakeRecord& take() const { return m_take; }
    int segmentNumber(); // 1-based place of the take's segment
    const QString& folder() const { return m_store->folder(); }

private:
    GenerationInProject() = default;

    std::unique_ptr<projects::ProjectStore> m_store;
    QTemporaryDir m_temporary;
    projects::TakeRecord m_take;
    bool m_running = false;
};

// Opens the project and stores a running take into `recording`; points the
// engine at temporary files for what the user did not name (--out,
// --save-latent). Returns 0, or an exit code after saying why.
int startRecording(const QString& folder, int segmentNumber, engine::tools::GenerateOptions& options,
    CliContext& context, std::unique_ptr<GenerationInProject>& recording);

// Copies the written clip and latent into the project and completes the
// take; `print`: say so on stdout. Returns the exit code.
int finishRecording(GenerationInProject& recording, const engine::tools::GenerateReport& report,
    const engine::tools::GenerateOptions& options, bool print, CliContext& context);

} // namespace cosmos::app::cli
