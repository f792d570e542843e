#!/bin/sh
# Decomposed accents and a stack of combining marks.
. "$HOSTILE/group.sh"
group "$(printf '"Cafe\314\201 Ze\314\201phyr n\314\203 A\314\212 Z\315\221\315\253\315\203\315\252\314\264\314\231\314\244"')"
