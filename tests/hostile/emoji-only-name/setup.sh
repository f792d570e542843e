#!/bin/sh
# A name of emoji only.
. "$HOSTILE/group.sh"
group '"🤝🏠📞"'
