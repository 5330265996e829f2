// Precompiled header of the LibTorch tests. LibTorch comes first: Qt's
// `slots` macro, defined by Qt's headers, would break LibTorch's.
#pragma once

#include <torch/torch.h>

#include <QtTest>
