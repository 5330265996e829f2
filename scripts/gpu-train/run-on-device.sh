#!/usr/bin/env bash
# Builds scripts/gpu-train against the machine's Python torch (CUDA) and
# trains the nano model's DiT on the GPU from the committed weights, for
# what is left of TOTAL seconds after the build; the finished model folder
# (less the unchanged tokenizer) and the logs land in $OUT.
#   OUT=/tmp/out bash scripts/gpu-train/run-on-device.sh TOTAL [trainer options]
# The headers and libpcre2-8.a the build needs travel in .gpu/ (made here by
# carry-deps.sh; the machine has no package registry). Session 14 ran
#   run-on-device.sh 555 --clips 5120 --batch 32 --lr 1.5e-4 --calibration-steps 150
# on an H200 (build 78 s, 0.067 s/step, 5,675 steps); session 15 ran
#   run-on-device.sh 565 --clips 10240 --batch 128 --lr 2e-4 --calibration-steps 100
# (0.069 s/step: four times the batch at the same step time; 4,873 steps),
# then 2,190 more from its output (nano_train_gpu --init on the warm machine,
# 5,120 clips, batch 128, --lr 1e-4). Before training it runs
# nano_generate_check (SKIP_CHECK=1 leaves it out); the time it takes comes
# out of the training's.
set -uo pipefail
start=$(date +%s)
total=${1:?total seconds}
shift
out=${OUT:?set OUT}
nvidia-smi -L
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'
torch_root=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')
abi=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
cmake -S scripts/gpu-train -B build-gpu -G Ninja -DTORCH_ROOT="$torch_root" -DTORCH_CXX11_ABI="$abi" \
  -DDEPS_DIR="$PWD/.gpu" > "$out/configure.log" 2>&1 || { tail -30 "$out/configure.log"; exit 1; }
if ! ninja -C build-gpu -k 0 > "$out/build.log" 2>&1; then
  grep -E 'error|FAILED' "$out/build.log" | head -60
  exit 1
fi
echo "built in $(( $(date +%s) - start )) s"
# The CUDA path against the CPU on the committed weights, before training:
# one step (where fp32 must agree to float rounding) and a full take.
if [ "${SKIP_CHECK:-0}" != 1 ]; then
  for steps in 1 30; do
    timeout 60 ./build-gpu/nano_generate_check --model resources/models/nano --steps "$steps" 2>&1 \
      | tee -a "$out/check.log"
  done
fi
left=$(( total - ($(date +%s) - start) - 15 ))
rm -rf /tmp/nano-work /tmp/nano-model
./build-gpu/nano_train_gpu --init resources/models/nano --work /tmp/nano-work --out /tmp/nano-model \
  --seconds "$left" "$@" 2>&1 | tee "$out/train.log" | grep -v '^latents\|^\[' | tail -60
rc=${PIPESTATUS[0]}
cp /tmp/nano-work/validation.tsv "$out/" 2>/dev/null
cmp -s /tmp/nano-model/vae.safetensors resources/models/nano/vae.safetensors && echo "tokenizer unchanged"
tar -czf "$out/nano-model.tgz" -C /tmp/nano-model --exclude vae.safetensors . && ls -la "$out"
echo "rc $rc, $(( $(date +%s) - start )) s in all"
exit "$rc"
