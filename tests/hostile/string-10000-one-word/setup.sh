#!/bin/sh
# A name of one 10,000-letter word: no box holds it.
. "$HOSTILE/group.sh"
group "\"$(head -c 10000 /dev/zero | tr '\0' x)\""
