#!/bin/sh
# A 10,000-character description of short words: taller than any page.
. "$HOSTILE/group.sh"
group 'Groupe long' "\"$(yes 'Un mot' | head -n 1429 | tr '\n' ' ')Un mot.\""
