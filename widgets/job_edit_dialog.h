// Edits a pending job's request before it runs: prompt, negative prompt,
// steps, guidance and seed. The request's other keys are kept as they are.
//
// Request keys: "prompt", "negative_prompt", "steps", "guidance", "seed".
#pragma once

#include <QDialog>
#include <QJsonObject>

class QDoubleSpinBox;
class QPlainTextEdit;
class QSpinBox;

namespace cosmos::widgets {

class JobEditDialog : public QDialog {
    Q_OBJECT
public:
    explicit JobEditDialog(qint64 jobId, const QJsonObject& request, QWidget* parent = nullptr);

    qint64 jobId() const { return m_jobId; }
    // The request with the edits; a number the request did not have is
    // added only when the user changed it.
    QJsonObject request() const;

    QPlainTextEdit* promptEdit() const { return m_prompt; }
    QPlainTextEdit* negativePromptEdit() const { return m_negative; }
    QSpinBox* stepsBox() const { return m_steps; }
    QDoubleSpinBox* guidanceBox() const { return m_guidance; }
    QSpinBox* seedBox() const { return m_seed; }

private:
    qint64 m_jobId = 0;
    QJsonObject m_request;
    QPlainTextEdit* m_prompt = nullptr;
    QPlainTextEdit* m_negative = nullptr;
    QSpinBox* m_steps = nullptr;
    QDoubleSpinBox* m_guidance = nullptr;
    QSpinBox* m_seed = nullptr;
    int m_initialSteps = 0;
    double m_initialGuidance = 0;
    int m_initialSeed = 0;
};

} // namespace cosmos::widgets
