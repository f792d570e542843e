#!/bin/sh
# A 50 MB group file (never committed): refused by its size before it is read.
head -c 52428800 /dev/zero | tr '\0' x > data/groups/big.yaml
