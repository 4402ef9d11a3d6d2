#!/bin/sh
# Install the unpacked xxgk-desk folder for the current user (or, with --system, for everyone):
# links the programs into bin/ and the .desktop file, AppStream metainfo and icons into share/.
#   ./install-linux.sh             → ~/.local/bin, ~/.local/share
#   sudo ./install-linux.sh --system → /usr/local/bin, /usr/local/share
#   ./install-linux.sh --uninstall [--system]
# The folder itself stays where it is: move it first (e.g. to /opt/xxgk-desk) if you like.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${HOME}/.local"
ACTION=install
for arg in "$@"; do
  case "$arg" in
    --system) PREFIX=/usr/local ;;
    --uninstall) ACTION=uninstall ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
FILES="applications/xxgk-desk.desktop metainfo/io.github.xxgkdesk.XxgkDesk.metainfo.xml
icons/hicolor/256x256/apps/xxgk-desk.png icons/hicolor/scalable/apps/xxgk-desk.svg"
if [ "$ACTION" = uninstall ]; then
  rm -f "$PREFIX/bin/xxgk-desk" "$PREFIX/bin/xxgk-desk-gui"
  for f in $FILES; do rm -f "$PREFIX/share/$f"; done
else
  mkdir -p "$PREFIX/bin"
  ln -sf "$HERE/xxgk-desk" "$PREFIX/bin/xxgk-desk"
  ln -sf "$HERE/xxgk-desk-gui" "$PREFIX/bin/xxgk-desk-gui"
  for f in $FILES; do
    mkdir -p "$(dirname "$PREFIX/share/$f")"
    cp "$HERE/share/$f" "$PREFIX/share/$f"
  done
  # Exec with the full path, so the menu entry works even when bin/ is not on PATH.
  sed -i "s|^Exec=xxgk-desk-gui|Exec=$HERE/xxgk-desk-gui|; s|^TryExec=xxgk-desk-gui|TryExec=$HERE/xxgk-desk-gui|" \
    "$PREFIX/share/applications/xxgk-desk.desktop"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
if [ "$ACTION" = uninstall ]; then
  # Caches left describing nothing (ours were the only entries): remove them rather than keep empty ones.
  apps="$PREFIX/share/applications" hicolor="$PREFIX/share/icons/hicolor"
  ls "$apps"/*.desktop >/dev/null 2>&1 || rm -f "$apps/mimeinfo.cache"
  [ -n "$(find "$hicolor" -type f ! -name icon-theme.cache ! -name index.theme 2>/dev/null | head -n 1)" ] ||
    rm -f "$hicolor/icon-theme.cache"
fi
echo "xxgk-desk: ${ACTION} done under $PREFIX"
