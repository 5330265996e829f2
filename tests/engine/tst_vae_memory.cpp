// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <c10/core/CPUAllocator.h>
#include <torch/torch.h>

#include <QtTest>

#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "engine/nets/vae/wan_vae.h"

using namespace cosmos::engine::nets;

namespace {

// Wraps LibTorch's CPU allocator to count the bytes in use and their peak.
// LibTorch's raw_allocate wants the context to be the data pointer, so the
// sizes live in a side table and the base allocator's raw deleter frees.
class CountingAllocator final : public c10::Allocator {
public:
    explicit CountingAllocator(c10::Allocator* base) : m_base(base), m_baseDeleter(base->raw_deleter())
    {
        s_instance = this;
    }

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
    c10::DataPtr allocate(size_t bytes) override
#else
    c10::DataPtr allocate(size_t bytes) const override
#endif
    {
        c10::DataPtr inner = m_base->allocate(bytes);
        void* data = inner.get();
        const auto device = inner.device();
        inner.release_context(); // this allocator's deleter frees it from now on
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_sizes[data] = static_cast<std::int64_t>(bytes);
        }
        const auto now = (m_current += static_cast<std::int64_t>(bytes));
        auto peak = m_peak.load();
        while (now > peak && !m_peak.compare_exchange_weak(peak, now)) { }
        return {data, data, &CountingAllocator::release, device};
    }
    c10::DeleterFnPtr raw_deleter() const override
    {
        return &CountingAllocator::release;
    }
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
    void copy_data(void* dest, const void* src, std::size_t count) const override
    {
        std::memcpy(dest, src, count);
    }
#endif

    void resetPeak()
    {
        m_peak = m_current.load();
    }
    std::int64_t peak() const
    {
        return m_peak;
    }
    std::int64_t current() const
    {
        return m_current;
    }

private:
    static void release(void* data)
    {
        CountingAllocator* self = s_instance;
        {
            std::lock_guard<std::mutex> lock(self->m_mutex);
            const auto found = self->m_sizes.find(data);
            if (found != self->m_sizes.end()) {
                self->m_current -= found->second;
                self->m_sizes.erase(found);
            }
        }
        self->m_baseDeleter(data);
    }

    static inline CountingAllocator* s_instance = nullptr;
    c10::Allocator* m_base;
    c10::DeleterFnPtr m_baseDeleter;
    mutable std::mutex m_mutex;
    mutable std::unordered_map<void*, std::int64_t> m_sizes;
    mutable std::atomic<std::int64_t> m_current {0};
    mutable std::atomic<std::int64_t> m_peak {0};
};

} // namespace

class TestVaeMemory : public QObject {
    Q_OBJECT
private slots:
    // Decoding runs one latent frame at a time with the causal cache, so the
    // peak grows with the output only, not with the activations of the clip.
    void decodingPeakDependsOnTheChunkNotTheClip()
    {
        static CountingAllocator counting(c10::GetCPUAllocator());
        c10::SetCPUAllocator(&counting, /*priority=*/100);
        torch::manual_seed(1);
        WanVae vae(WanVaeConfig::nano());
        torch::InferenceMode guard;
        std::vector<std::int64_t> frames;
        auto peakFor = [&](std::int64_t latentFrames) -> std::int64_t {
            auto latent = torch::randn({1, 16, latentFrames, 8, 8});
            counting.resetPeak();
            const auto base = counting.current();
            auto video = vae->decode(latent);
            frames.push_back(video.size(2));
            return counting.peak() - base;
        };
        const auto peak33 = peakFor(9); // 33 frames
        const auto peak65 = peakFor(17); // 65 frames
        qInfo("decode peak: 33 frames %.1f MiB, 65 frames %.1f MiB, ratio %.3f", peak33 / 1048576.0, peak65 / 1048576.0,
            double(peak65) / double(peak33));
        QCOMPARE(frames, (std::vector<std::int64_t> {33, 65}));
        QVERIFY(peak33 > 0);
        QVERIFY2(double(peak65) <= 1.3 * double(peak33), "decoding memory grows with the clip");
    }
};

QTEST_GUILESS_MAIN(TestVaeMemory)
#include "tst_vae_memory.moc"
