# The two commands of README.md. Each does all of its own set-up.
#   make run   - install dependencies, build (Release), start the studio
#   make test  - install dependencies, build with tests, run ctest
.PHONY: run test build deps package format clean

JOBS ?= $(shell nproc)

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS)

run: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS) --target cosmos-studio cosmos-cli
	@bash scripts/run-studio.sh build

test: build
	@ctest --preset default -j $(JOBS)

package: build
	@cd build && cpack -G DEB

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build build-debug
