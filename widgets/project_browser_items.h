// What the project browser's tree items carry: their kind and ids, in item
// data roles shared by the browser's files.
#pragma once

#include <Qt>

namespace cosmos::widgets::browser_items {

enum ItemKind { SegmentItem = 1, TakeItem, BoardItem };
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;
constexpr int kSegmentRole = Qt::UserRole + 3;

} // namespace cosmos::widgets::browser_items
