// The example project the studio opens on first start: a short nano rollout
// shipped read-only with the app (resources/example-project), copied into
// the user's data folder so that it can be edited, generated into and undone
// like any other project.
#pragma once

#include <QString>

namespace cosmos::app {

// The shipped folder, or empty when this installation has none.
QString shippedExampleProject();

// The user's copy, made from the shipped one when it does not exist yet.
// Returns its folder, or empty with `error` set (nothing shipped, disk full).
QString userExampleProject(QString* error);

} // namespace cosmos::app
