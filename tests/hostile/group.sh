# group.sh - sourced by the setup.sh of a hostile case: writes data/groups/hostile.yaml,
# a valid group of the tests/data-min network 'brumenta' whose name and description are
# the YAML values given (written as is: quote them as the case needs).
#   group NAME_YAML [DESCRIPTION_YAML]
group() {
  printf '%s\n' \
    "id: hostile" \
    "name: $1" \
    "kind: support" \
    "description: ${2:-Un groupe.}" \
    "schedule:" \
    "  days: [monday]" \
    "  time: \"14:00-16:00\"" \
    "place:" \
    "  city: Jette" \
    "contact:" \
    "  phone: 02 000 00 01" \
    "network: brumenta" > data/groups/hostile.yaml
}
