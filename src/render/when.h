/* when.h - a schedule in words, in the output language:
 *   fr "Le premier lundi du mois, de 14 h à 16 h"
 *   nl "Elke eerste maandag van de maand, 14.00–16.00 uur"
 *   de "Am ersten Montag im Monat, 14:00–16:00 Uhr"
 *   en "On the first Monday of the month, 14:00–16:00"
 * followed by the schedule's note in that language, when there is one. */
#pragma once

#include "model/model.h"

/* The schedule in words, first letter capitalised. Free with g_free(). */
char *when_format(const RlSchedule *s, RlLang lang);
/* The time part alone ("de 14 h à 16 h", "14.00–16.00 uur"). Free with g_free(). */
char *when_time(const RlSchedule *s, RlLang lang);
