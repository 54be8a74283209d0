#!/usr/bin/env bash
# Builds MQTT Topology Studio's installers under installer/target/ from a clean checkout:
#   installer/build.sh               the app image and this platform's package
#                                    (Linux: .deb; macOS: .dmg; Windows, in Git Bash: .msi)
#   installer/build.sh --image-only  the app image alone (what CI builds)
# Needs the JDK 17 (jlink, jpackage, jar) and Maven; the .deb needs fakeroot, the .msi the WiX Toolset 3.
# The image: a jlink'ed runtime with only the modules the app needs, JavaFX linked into it (its
# native libraries beside the JDK's, so nothing is unpacked into the user's home at start), the
# app's jars on the class path, the samples and the assets; bin/ holds the desktop app's launcher
# and `studio`, the command line.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
target="$here/target"
image_only=false
case "${1:-}" in
  --image-only) image_only=true ;;
  "") ;;
  *) echo "usage: installer/build.sh [--image-only]" >&2; exit 2 ;;
esac

pom_value() { # the first <tag>value</tag> of the parent pom
  sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" "$root/pom.xml" | head -n 1
}
version="$(pom_value version)"
javafx_version="$(pom_value javafx.version)"
app_version="${version%%-*}" # jpackage takes numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0

path_sep=":"
case "$(uname -s)" in
  Linux)
    platform=linux name=mqtt-topology-studio package=deb icon="$root/assets/icons/studio.png" native_dir=lib
    javafx_classifier=linux; [ "$(uname -m)" = aarch64 ] && javafx_classifier=linux-aarch64 ;;
  Darwin)
    platform=mac name="MQTT Topology Studio" package=dmg icon="$root/assets/icons/studio.icns" native_dir=lib
    javafx_classifier=mac; [ "$(uname -m)" = arm64 ] && javafx_classifier=mac-aarch64 ;;
  MINGW*|MSYS*|CYGWIN*)
    platform=windows name="MQTT Topology Studio" package=msi icon="$root/assets/icons/studio.ico" native_dir=bin
    javafx_classifier=win path_sep=";" ;;
  *) echo "build.sh: no installer for $(uname -s) (Linux, macOS and Windows are known)" >&2; exit 2 ;;
esac
case "$platform-$(uname -m)" in # RocksDB's native library for this machine (it ships 13 of them, 50 MB)
  linux-x86_64) rocksdb_native=librocksdbjni-linux64.so ;;
  linux-aarch64) rocksdb_native=librocksdbjni-linux-aarch64.so ;;
  mac-*) rocksdb_native="librocksdbjni-osx-$(uname -m).jnilib" ;;
  *) rocksdb_native=librocksdbjni-win64.dll ;;
esac
description="Design, check, export and run MQTT broker topologies with mosquitto bridges"
vendor="MQTT Topology Studio"

step() { echo "build.sh [${SECONDS}s]: $*" >&2; }

step "Maven package (tests skipped; mvn -B verify runs them)"
(cd "$root" && mvn -B -q -DskipTests package)

rm -rf "$target"
input="$target/input" javafx="$target/javafx" runtime="$target/runtime"
mkdir -p "$input/lib" "$javafx"

# The app's jars go on the class path; JavaFX is linked into the runtime instead, from the jars for
# this platform (the poms name Linux's, which Maven has already fetched on Linux).
IFS="$path_sep" read -r -a classpath <"$root/app/target/runtime-classpath.txt" || [ ${#classpath[@]} -gt 0 ] # no newline at its end
for jar in "${classpath[@]}"; do
  case "$(basename "$jar")" in
    javafx-*) ;;
    *) cp "$jar" "$input/lib/" ;;
  esac
done
cp "$root/app/target/app-$version.jar" "$input/lib/"
# The embedded broker's RocksDB carries native libraries for 13 platforms: keep this one's (needs
# zip, which Git Bash lacks: there the package is 50 MB larger).
if command -v zip >/dev/null; then
  for jar in "$input"/lib/rocksdbjni-*.jar; do
    zip -q -d "$jar" $(unzip -Z1 "$jar" 'librocksdbjni-*' | grep -vx "$rocksdb_native")
  done
else
  step "zip not found: RocksDB keeps every platform's native library"
fi
for module in base graphics controls swing; do
  if [ "$javafx_classifier" = linux ]; then
    cp "$(printf '%s\n' "${classpath[@]}" | grep "/javafx-$module-$javafx_version-linux.jar$")" "$javafx/"
  else
    (cd "$root" && mvn -B -q dependency:copy -Dartifact="org.openjfx:javafx-$module:$javafx_version:jar:$javafx_classifier" \
      -DoutputDirectory="$javafx")
  fi
done
cp -r "$root/samples" "$root/assets" "$input/"
if [ "$platform" = linux ]; then # the desktop entry, the topology file type and the icons, linked into /usr/share by the .deb
  share="$input/share"
  mkdir -p "$share/applications" "$share/mime/packages"
  sed "s|@APPDIR@|/opt/$name|g" "$here/linux/$name.desktop" >"$share/applications/$name.desktop"
  cp "$here/linux/$name.xml" "$share/mime/packages/"
  mkdir -p "$share/icons" && cp -r "$root/assets/icons/hicolor" "$share/icons/"
fi

# jdeps finds the JDK modules the jars use; added by hand: what is found through services only
# (jdk.crypto.ec: TLS's elliptic-curve cipher suites) and the JavaFX modules the app uses.
step "jdeps: the modules the app needs"
jdk_modules="$(nice -n 10 jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps \
  --class-path "$(printf "%s$path_sep" "$input"/lib/*.jar "$javafx"/*.jar)" "$input"/lib/*.jar "$javafx"/*.jar)"
modules="$jdk_modules,jdk.crypto.ec,javafx.controls,javafx.swing"
step "jlink: $modules"
nice -n 10 jlink --module-path "$(printf "%s$path_sep" "$javafx"/*.jar)" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"
natives="$target/javafx-natives" # JavaFX loads its native libraries from the runtime's lib (bin) first
mkdir -p "$natives"
for jar in "$javafx"/*.jar; do
  (cd "$natives" && jar xf "$jar")
done
find "$natives" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) -exec cp {} "$runtime/$native_dir/" \;

common=(--name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description"
  --copyright "MQTT Topology Studio contributors")
step "jpackage: app image"
nice -n 10 jpackage --type app-image --dest "$target" "${common[@]}" \
  --input "$input" --main-jar "lib/app-$version.jar" --main-class org.mqttstudio.app.Launcher \
  --runtime-image "$runtime" --icon "$icon" \
  --java-options '-Dstudio.samples=$APPDIR/samples' --java-options '-Dstudio.assets=$APPDIR/assets' \
  --add-launcher studio="$here/studio.properties"
case "$platform" in
  linux) image="$target/$name" ;;
  mac) image="$target/$name.app" ;;
  windows) image="$target/$name" ;;
esac
step "app image: $image"
$image_only && exit 0

step "jpackage: $package"
package_options=()
case "$platform" in
  linux)
    resources="$target/resources"
    mkdir -p "$resources"
    for f in control postinst prerm; do
      sed "s|@APPDIR@|/opt/$name|g" "$here/linux/$f" >"$resources/$f"
    done
    chmod +x "$resources/postinst" "$resources/prerm"
    # The image's native libraries give the rest (libgtk-3-0, libxtst6, libgl1, ... from JavaFX's).
    package_options=(--resource-dir "$resources" --linux-package-name "$name" --linux-app-category net
      --linux-deb-maintainer "studio@mqttstudio.org" --linux-package-deps "shared-mime-info, desktop-file-utils, hicolor-icon-theme") ;;
  mac) package_options=(--mac-package-name "Topology Studio") ;; # the menu bar name: under 16 characters
  # Windows and macOS tell file types by extension only: claiming .json would take every JSON file,
  # so there topology files open through "Open with" or File > Open.
  windows) package_options=(--win-menu --win-menu-group "MQTT Topology Studio" --win-shortcut --win-dir-chooser) ;;
esac
nice -n 10 jpackage --type "$package" --dest "$target" "${common[@]}" --app-image "$image" "${package_options[@]}"
step "$(ls "$target"/*."$package")"
