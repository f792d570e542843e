#!/bin/sh
# 10,000 nested lists, made at test time.
awk 'BEGIN { s = ""; for (i = 0; i < 10000; i++) s = s "["; print "id: " s }' > data/groups/deep.yaml
