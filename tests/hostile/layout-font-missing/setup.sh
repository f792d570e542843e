#!/bin/sh
# layouts/guide.yaml names a family the font set does not have: an error at its line,
# never a silent fallback to another font.
mkdir -p data/layouts
printf '# a font that is not installed\nfont: Comic Sans MS\n' > data/layouts/guide.yaml
