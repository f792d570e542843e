#!/bin/sh
# The map SVG styles itself from a remote stylesheet.
sed -i 's|<desc>|<style>@import url(http://example.org/evil.css);</style><desc>|' data/maps/mini.svg
