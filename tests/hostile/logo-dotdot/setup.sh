#!/bin/sh
# The logo path climbs out of the data folder.
printf 'logo: ../../etc/passwd\n' >> data/site.yaml
