// Identity of the application and the versions of everything it runs on, as
// shown by Help > About and printed by `cosmos-cli --version`.
#pragma once

#include <QList>
#include <QString>

#include "widgets/about_dialog.h"

namespace cosmos::app {

// Organisation and application names: they decide where settings, logs and
// user data live. Call before anything touches QSettings.
void setApplicationIdentity();

QString studioVersion();

// Where the studio and cosmos-cli keep the models' measured decode speeds
// (engine::DecodeSpeedRecord), in the user's data folder.
QString decodeSpeedFile();

// Qt, LibTorch, FFmpeg, SQLite, spdlog and the CUDA state, read at run time.
QList<widgets::ComponentVersionRow> componentVersions();

// The same as text, one "Name: version" line each, headed by the studio's.
QString versionText();

} // namespace cosmos::app
