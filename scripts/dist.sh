#!/usr/bin/env bash
# make dist: a tarball of the release binary for Debian/Ubuntu x86-64, with the Swift runtime linked in,
# its bundled data beside it, the system libraries it still needs listed, and a one-line install.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${DIST_SCRATCH:-.build-dist}
# Foundation linked statically needs libcurl (URLSession, for check-links) from the system: libcurl4-openssl-dev.
swift build -c release --static-swift-stdlib -Xlinker -lcurl --product disclose --scratch-path "$scratch"
bin=$scratch/release/disclose
version=$(git describe --tags --always 2>/dev/null || echo dev)
name="disclose-${version}-linux-x86_64"
stage=.build/dist/$name
rm -rf "$stage" && mkdir -p "$stage/bin"
cp "$bin" "$stage/bin/"
cp -R "$scratch/release/Disclose_DiscloseCore.resources" "$stage/bin/"
# Shared libraries outside the C runtime, with the Debian package that provides each.
{
  echo "disclose $version — shared libraries it needs (Debian/Ubuntu packages):"
  ldd "$bin" | awk '/=>/ {print $1, $3}' | while read -r lib path; do
    case "$lib" in linux-vdso*|libc.so*|libm.so*|libpthread*|libdl.so*|librt.so*|ld-linux*) continue;; esac
    pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true)
    [ -z "$pkg" ] && pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1 || true)
    echo "  $lib  ($pkg)"
  done
} > "$stage/LIBRARIES.txt"
# The one-line install names the packages of the libraries disclose links directly (they bring the rest).
packages=$(readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | while read -r lib; do
  path=$(ldd "$bin" | awk -v l="$lib" '$1 == l {print $3}')
  if [ -n "$path" ]; then dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1 || true; fi
done | { grep -v '^libc6$' || true; } | sort -u | tr '\n' ' ')
cat > "$stage/INSTALL.txt" <<TXT
安装（Debian/Ubuntu x86-64，需要 root）：
  sudo apt-get install -y ${packages}&& sudo tar -xzf ${name}.tar.gz -C /usr/local --strip-components=1
之后在任意文件夹中：disclose init 我的网站 && cd 我的网站 && disclose new <单位标识> <年度>
站内搜索（可选）：python3 -m pip install pagefind-bin-extended
TXT
tar -C .build/dist -czf ".build/dist/$name.tar.gz" "$name"
echo "wrote .build/dist/$name.tar.gz"
cat "$stage/LIBRARIES.txt" "$stage/INSTALL.txt"
