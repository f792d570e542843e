#!/bin/sh
# A BEL character written raw inside a quoted name.
. "$HOSTILE/group.sh"
group "$(printf '"Groupe \007 cloche"')"
