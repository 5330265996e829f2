// The prompt matrix dialog (Generate > Prompt Matrix...): prompt variants
// (one per line, or a template "a {red|blue} ball"), seeds ("1, 2, 3", "1-4"
// or drawn at random) and guidance values ("3, 5, 7"). It shows how many
// takes that makes and about how long they take, and asks for them to be
// queued as one batch filling one board. An empty seed or guidance field
// keeps the segment's own value.
//
//   PromptMatrixDialog dialog(window);
//   dialog.setPromptText(segment.prompt);
//   dialog.setSecondsPerTake(lastTakeSeconds);
//   connect(&dialog, &PromptMatrixDialog::queueRequested, window,
//       [&](const MatrixAxes& axes, const QString& board) { app::queueMatrix(project, id, axes, board, &error); });
//   dialog.exec();
//
// Invalid input is explained under the fields and disables Queue; Queue
// (Ctrl+Return) emits queueRequested and closes the dialog (accepted).
#pragma once

#include <QDialog>
#include <optional>

#include "projects/prompt_matrix.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cosmos::widgets {

class PromptMatrixDialog : public QDialog {
    Q_OBJECT
public:
    explicit PromptMatrixDialog(QWidget* parent = nullptr);

    // Fills the prompt variants, e.g. with the segment's prompt to vary.
    void setPromptText(const QString& text);
    // For the estimate; 0 or less: unknown, no time is shown.
    void setSecondsPerTake(double seconds);
    double secondsPerTake() const { return m_secondsPerTake; }

    // The axes as typed; nullopt while the input is invalid (errorText()).
    std::optional<projects::MatrixAxes> axes() const;
    // Cells of the matrix; 0 while the input is invalid.
    int takeCount() const;
    // As typed, or "Matrix: <first prompt>" while the user has not typed one.
    QString boardName() const;
    // Why the input cannot be queued; empty when it can.
    QString errorText() const;

    // For tests and for the window that wires the dialog.
    QPlainTextEdit* promptsEdit() const { return m_prompts; }
    QLineEdit* seedsEdit() const { return m_seeds; }
    QSpinBox* randomSeedCountBox() const { return m_randomCount; }
    QPushButton* randomSeedsButton() const { return m_randomButton; }
    QLineEdit* guidancesEdit() const { return m_guidances; }
    QLineEdit* boardNameEdit() const { return m_boardName; }
    QLabel* summaryLabel() const { return m_summary; }
    QLabel* errorLabel() const { return m_error; }
    QPushButton* queueButton() const { return m_queue; }

signals:
    void queueRequested(const cosmos::projects::MatrixAxes& axes, const QString& boardName);

private:
    struct Parsed {
        std::optional<projects::MatrixAxes> axes;
        QString error;
    };
    Parsed parse() const;
    void refresh();
    void drawRandomSeeds();
    void queue();
    QString defaultBoardName() const;

    QPlainTextEdit* m_prompts = nullptr;
    QLineEdit* m_seeds = nullptr;
    QSpinBox* m_randomCount = nullptr;
    QPushButton* m_randomButton = nullptr;
    QLineEdit* m_guidances = nullptr;
    QLineEdit* m_boardName = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_queue = nullptr;
    double m_secondsPerTake = 0;
    bool m_boardNameTyped = false; // else the name follows the first prompt
};

} // namespace cosmos::widgets
