#!/bin/sh
# The map SVG embeds a local file by URL.
sed -i 's|<desc>|<image href="file:///etc/passwd" width="10" height="10"/><desc>|' data/maps/mini.svg
