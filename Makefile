# Jalon: `make run` serves the demo on http://127.0.0.1:8080; `make test` runs every test suite.
.PHONY: deps assets build run test bench clean

export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

deps:
	@bash scripts/install-deps.sh

assets: deps
	@bash scripts/assets.sh

build: assets
	@cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DJALON_TESTS=OFF >/dev/null
	@cmake --build build/release

run: build
	@mkdir -p var
	./build/release/jalon --db sqlite:var/jalon.db serve --demo

test: assets
	@bash scripts/test.sh

bench: assets
	@bash scripts/bench.sh

clean:
	rm -rf build
