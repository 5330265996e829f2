// A model as the inspector offers it: what its config allows (frame counts,
// resolutions, samplers) and the defaults it was trained for. Plain data; the
// app fills it from the engine's model config, so the widgets never see the
// engine.
#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

namespace cosmos::widgets {

struct ModelChoice {
    QString name;
    QString folder;
    QList<int> frameCounts; // the first is the default
    QList<QSize> resolutions; // width x height; the first is the default
    int defaultSteps = 12;
    double defaultGuidance = 3.0;
    QString defaultSampler = "unipc";
    QStringList samplers {"unipc", "euler"};
    double fps = 16;
    int maxPromptTokens = 512;
};

} // namespace cosmos::widgets
