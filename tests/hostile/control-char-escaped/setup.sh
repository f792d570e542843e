#!/bin/sh
# An ESC written as a YAML escape: it would reach the PDF and the terminal.
. "$HOSTILE/group.sh"
group '"Groupe \e[31m rouge"'
