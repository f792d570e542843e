#!/bin/sh
# A group file nested 10,000 lists deep (the parser must stop at 64, not recurse).
{ printf 'id: deep\nname: '; head -c 10000 /dev/zero | tr '\0' '['; head -c 10000 /dev/zero | tr '\0' ']'; echo; } > data/groups/deep.yaml
