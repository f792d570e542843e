#!/bin/sh
# A group file over the 2 MiB limit, made at test time.
head -c 3000000 /dev/zero | tr '\0' x > data/groups/big.yaml
