#!/bin/bash
# data.sh - the bundled data set (data/) keeps the promises the README makes about it:
# all 21 adult networks; every group marked sample; demo entries recognisable as demo
# (name marked "(exemple)"..., fictional phone numbers with zeros in the middle,
# example.org websites and e-mail); real offers keep a note that their details are
# illustrative; an editorial page that cites a figure (digits, a percentage, "one in
# five") names a source URL. `relais check` verifies the format; this test verifies the
# content rules the format cannot know.
. "$SRCDIR/tests/lib.sh"
data="$SRCDIR/data"

# value KEY FILE: the block of top-level KEY (its own line and indented lines after it).
block() { awk -v k="$1" '$0 ~ "^"k":" {on=1; print; next} /^[^ #]/ {on=0} on' "$2"; }

networks=$(grep -c '^  - id: ' "$data/networks.yaml")
check "networks.yaml lists 21 networks (got $networks)" [ "$networks" = 21 ]

demo_phone='^ *phone: 0[0-9]{1,3} (000 00|00 00) [0-9]{2}$'
for f in "$data"/groups/*.yaml; do
  g=$(basename "$f" .yaml)
  check "$g: sample: true" grep -qx 'sample: true' "$f"
  if grep -qx 'source: demo entry' "$f"; then
    bad=$(block name "$f" | grep -v '^name:$' | grep -Ev '\((exemple|voorbeeld|Beispiel|example)\)"?$')
    check "$g: every name is marked as an example" [ -z "$bad" ]
    bad=$(block contact "$f" | grep -E '^ *phone:' | grep -Ev "$demo_phone")
    check "$g: phone is fictional (0.. 000 00 NN)" [ -z "$bad" ]
    bad=$(block contact "$f" | grep -E '^ *website:' | grep -Ev '^ *website: https://example\.org(/|$)')
    check "$g: website is on example.org" [ -z "$bad" ]
    bad=$(block contact "$f" | grep -E '^ *email:' | grep -Ev '@example\.org$')
    check "$g: e-mail is on example.org" [ -z "$bad" ]
  else
    check "$g: real offer has a source URL" grep -qE '^source: https?://' "$f"
    check "$g: real offer says what is illustrative" grep -qE '^    (fr|en): .*(exemple|example)' "$f"
  fi
done

for f in "$data"/texts/*.yaml; do
  t=$(basename "$f" .yaml)
  if block body "$f" | grep -qiE '[0-9]|%|per ?cent|\b(one|two|three|four|five|six|seven|eight|nine|ten) (in|out of) '; then
    check "$t: cites figures, so names a source URL" grep -qE '^source: https?://' "$f"
  else
    ok "$t: no figures"
  fi
done
finish
