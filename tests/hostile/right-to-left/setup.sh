#!/bin/sh
# Arabic and Hebrew names, a mixed-direction description.
. "$HOSTILE/group.sh"
group '{fr: "مجموعة الدعم", nl: "קבוצת תמיכה", en: "קבוצת תמיכה"}' '"نلتقي كل يوم اثنين — שלום 02 000 00 01"'
