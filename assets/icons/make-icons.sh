#!/usr/bin/env bash
# Renders every icon file from studio.svg (ImageMagick 6+): the window icon studio.png, the Linux
# sizes and the SVG in the freedesktop layout (hicolor/*/apps/), studio.ico for Windows and studio.icns for
# macOS. Run it after changing studio.svg and commit the results: the build needs no image tools.
set -euo pipefail
cd "$(dirname "$0")"

render() { # size out.png; rendered large, then scaled down, so small sizes stay sharp
  convert -background none -density 384 studio.svg -resize "$1x$1" -strip "png32:$2"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
  render "$size" "$tmp/$size.png"
done
cp "$tmp/256.png" studio.png
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  cp "$tmp/$size.png" "hicolor/${size}x${size}/apps/mqtt-topology-studio.png"
done
mkdir -p hicolor/scalable/apps
cp studio.svg hicolor/scalable/apps/mqtt-topology-studio.svg
convert "$tmp"/{16,24,32,48,64,256}.png studio.ico

# .icns: the header, then one (type, length, PNG) entry per size; lengths are big-endian and count
# their own 8 bytes. macOS reads PNG data in these entry types (iconutil writes the same).
be32() { printf "\\x$(printf %02x $(($1 >> 24 & 255)))\\x$(printf %02x $(($1 >> 16 & 255)))\\x$(printf %02x $(($1 >> 8 & 255)))\\x$(printf %02x $(($1 & 255)))"; }
entries="$tmp/entries"
: >"$entries"
for pair in icp4:16 icp5:32 icp6:64 ic07:128 ic08:256 ic09:512 ic10:1024; do
  type="${pair%%:*}" file="$tmp/${pair##*:}.png"
  { printf %s "$type"; be32 $(($(stat -c %s "$file") + 8)); cat "$file"; } >>"$entries"
done
{ printf icns; be32 $(($(stat -c %s "$entries") + 8)); cat "$entries"; } >studio.icns
