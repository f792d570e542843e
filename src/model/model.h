/* model.h - the checked data model: site, editions, networks, groups, resources, texts,
 * layouts.
 *
 * Plain C structs built by load.c from the YAML files; renderers read them through const
 * pointers and never change them. No libyaml, Pango or Cairo type appears here.
 *
 * Ownership: one RlModel owns everything below it. model_free() releases all of it.
 * Every string is UTF-8, owned by its record, and may be NULL where the field is optional.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* ---- languages ------------------------------------------------------------------- */

/* The languages relais knows. A site chooses a subset; texts are stored per slot. */
typedef enum { RL_LANG_FR, RL_LANG_NL, RL_LANG_DE, RL_LANG_EN, RL_LANG_N } RlLang;

/* ISO 639-1 code of a language ("fr"); never NULL for a valid lang. */
const char *lang_code(RlLang lang);
/* The language's name in itself ("Français", "Nederlands"...). */
const char *lang_name(RlLang lang);
/* Parses "fr"/"nl"/"de"/"en"; returns false for anything else. */
bool lang_parse(const char *code, RlLang *out);

/* A set of languages as a bit mask: bit (1u << RlLang). */
typedef unsigned RlLangSet;
#define RL_LANGSET_HAS(set, lang) (((set) >> (lang)) & 1u)

/* ---- positions ---------------------------------------------------------------------- */

/* Where a record or value came from. file is interned in the model (do not free);
 * line and col are 1-based. A zero line means "no position" (built-in defaults). */
typedef struct {
  const char *file;
  int line;
  int col;
} RlPos;

/* ---- localised text ---------------------------------------------------------------- */

/* A string in up to four languages. In YAML it is a plain string (same in every
 * language: stored in every slot) or a map {fr: …, nl: …}. NULL slot = not given. */
typedef struct {
  char *v[RL_LANG_N];
  RlPos pos;       /* position of the value in the file */
  const char *key; /* the YAML key it was read from (static string), for messages; or NULL */
} RlText;

/* The text in `lang`, else in `fallback`, else in the first language present, else NULL.
 * The result is borrowed from t. */
const char *text_get(const RlText *t, RlLang lang, RlLang fallback);
bool text_is_empty(const RlText *t);

/* ---- contact -------------------------------------------------------------------- */

typedef struct {
  char *phone;   /* as the reader should see it: "02 123 45 67"; NULL if unknown */
  char *email;   /* "info@example.be" */
  char *website; /* full URL "https://example.be/path" (http, https only) */
  char *address; /* one line: "Rue Haute 12, 1000 Bruxelles" */
  RlPos pos;
} RlContact;

/* ---- colours ------------------------------------------------------------------------- */

typedef struct {
  double r, g, b; /* 0..1 */
} RlColour;

/* ---- records ----------------------------------------------------------------------- */

/* Fields every record shares. digest is a SHA-256 (hex) of the record's own bytes in its
 * file, so a plan can tell exactly which records changed. */
typedef struct {
  char *id;         /* unique within its kind: [a-z0-9-]+ */
  RlPos pos;        /* where the record starts */
  char *digest;     /* hex SHA-256 of the record's source text */
  char *source;     /* URL or note saying where the facts come from; may be NULL */
  GDate checked;    /* date the facts were last checked; invalid (g_date_valid false) if none */
  bool sample;      /* demo entry: fictional, marked as such on every output */
} RlRecord;

typedef enum { RL_REGION_BRUSSELS, RL_REGION_FLANDERS, RL_REGION_WALLONIA,
               RL_REGION_OSTBELGIEN, RL_REGION_N } RlRegion;
const char *region_code(RlRegion r);           /* "brussels" … */
bool region_parse(const char *code, RlRegion *out);

/* A regional mental-health network ("107 network"). */
typedef struct {
  RlRecord rec;
  RlText name;
  RlText short_name;      /* optional; falls back to name */
  RlRegion region;
  RlLangSet languages;    /* languages its outputs are made in */
  GPtrArray *coverage;    /* char* NIS codes (municipality, arrondissement or province) */
  RlPos coverage_pos;
  RlContact contact;
  RlText description;
} RlNetwork;

typedef enum { RL_KIND_SUPPORT, RL_KIND_THERAPY, RL_KIND_SPEECH_CIRCLE, RL_KIND_N } RlGroupKind;
const char *group_kind_code(RlGroupKind k);    /* "support", "therapy", "speech-circle" */
bool group_kind_parse(const char *code, RlGroupKind *out);

/* How often a group meets. */
typedef enum {
  RL_FREQ_WEEKLY,      /* every week on each of days */
  RL_FREQ_FORTNIGHTLY, /* every other week */
  RL_FREQ_MONTHLY,     /* once a month on the `week`-th weekday (week 1..4, or -1 = last) */
  RL_FREQ_N
} RlFrequency;
const char *frequency_code(RlFrequency f);     /* "weekly", "fortnightly", "monthly" */
bool frequency_parse(const char *code, RlFrequency *out);

typedef struct {
  unsigned days;       /* bit mask, bit 0 = Monday … bit 6 = Sunday; at least one */
  int start_min;       /* minutes after midnight */
  int end_min;         /* minutes after midnight; -1 if not given */
  RlFrequency frequency;
  int week;            /* for monthly: 1..4 or -1 (last); 0 otherwise */
  RlText note;         /* optional free text: "except school holidays" */
  RlPos pos;
} RlSchedule;

typedef struct {
  RlText name;         /* "Maison de quartier Les Tilleuls"; optional */
  char *address;       /* street and number */
  char *postcode;      /* "1000" */
  char *city;          /* "Bruxelles" */
  bool has_coords;
  double lat, lon;     /* WGS84 degrees */
  RlPos pos;
} RlPlace;

typedef struct {
  RlRecord rec;
  RlText name;
  RlGroupKind kind;
  RlText description;     /* what happens; may be empty */
  RlText audience;        /* who it is for: "60+, living alone" */
  RlLangSet spoken;       /* languages spoken in the group: bits over spoken.h's table
                           * (bits 0..3 are RlLang); 0 when not given (nothing invented) */
  RlSchedule schedule;
  RlPlace place;
  bool online;            /* also (or only) online */
  bool in_person;         /* meets in person (default true) */
  RlText cost;            /* "free", "€2 per session" */
  RlText accessibility;   /* "step-free entrance, hearing loop" */
  RlContact contact;
  char *network_id;       /* as written */
  const RlNetwork *network; /* resolved by check.c; borrowed */
} RlGroup;

/* A platform or service listed in guides ("Brussels Platform for Mental Health"). */
typedef struct {
  RlRecord rec;
  RlText name;
  RlText description;
  RlContact contact;
  GPtrArray *regions;   /* RlRegion values stored with GINT_TO_POINTER; empty = everywhere */
} RlResource;

/* An editorial page: title and body in each language. The body is paragraphs separated by
 * blank lines; a paragraph whose lines start with "- " is a bullet list. */
typedef struct {
  RlRecord rec;        /* id is the file's base name */
  int order;           /* position among texts (ascending) */
  RlText title;
  RlText body;
  RlText summary;      /* ≤ 40 words, for the kiosk; optional */
} RlEditorial;

/* An edition: a region or a network's area, made in some languages. */
typedef struct {
  RlRecord rec;
  RlText name;               /* "Bruxelles / Brussel" */
  GPtrArray *network_ids;    /* char* as written */
  GPtrArray *networks;       /* const RlNetwork* resolved by check.c; borrowed */
  RlLangSet languages;
} RlEdition;

/* The organisation publishing the outputs. */
typedef struct {
  RlPos pos;
  char *digest;
  RlText organisation;
  RlText tagline;            /* one inviting sentence for covers and posters */
  RlContact contact;
  RlLangSet languages;       /* languages the site is made in */
  RlLang default_language;
  bool sample;               /* the data set is sample data: outputs say so */
  GDate checked;             /* when the data set as a whole was checked */
  char *map_path;            /* sidecar of the map, relative to the data folder; may be NULL */
  RlPos map_pos;
  char *logo_path;           /* SVG logo relative to the data folder; may be NULL */
  RlPos logo_pos;
} RlSite;

/* ---- layouts ---------------------------------------------------------------------- */

/* One recipe from layouts/NAME.yaml: page geometry, type scale and colours of one output
 * kind. Lengths in millimetres, type in points. */
typedef struct {
  char *name;               /* "guide", "booklet", "flyer", "poster", "kiosk" */
  RlPos pos;
  char *digest;
  double page_w_mm, page_h_mm;
  double margin_mm[4];      /* top, right, bottom, left */
  double bleed_mm;          /* used with --press */
  double body_pt;           /* body text size */
  double h1_pt, h2_pt, title_pt, small_pt; /* small = floor-sized text (footers, captions) */
  double line_height;       /* multiple of the size */
  double floor_pt;          /* nothing smaller than this */
  int measure_max;          /* characters per line, at most */
  char *font;               /* fontconfig family: "Tiresias LPfont" */
  char *heading_font;
  RlColour ink, paper, accent, accent_ink, highlight, muted;
  double qr_mm;             /* QR code size without quiet zone */
  /* kiosk only */
  int px_w, px_h;           /* resolution */
  double screen_w_mm;       /* physical width of the glass */
  double viewing_distance_mm;
  double target_mm;         /* touch target size */
  int idle_s;               /* idle return */
  int countdown_s;
} RlLayout;

/* ---- the map sidecar ----------------------------------------------------------- */

/* How longitude/latitude become SVG user units. */
typedef enum {
  RL_PROJ_LCC,    /* Lambert conformal conic (sphere): p = lon0, lat0, lat1, lat2 (degrees),
                   * scale (SVG units per metre), x0, y0 (SVG position of lon0/lat0);
                   * y grows downwards */
  RL_PROJ_AFFINE, /* p = a, b, c, d, e, f: x = a*lon + b*lat + c, y = d*lon + e*lat + f */
  RL_PROJ_N
} RlProjKind;

/* A map: an SVG plus the sidecar (maps/NAME.yaml) that says how region codes become
 * element ids and how to place a point. Loaded by load.c, drawn by layout/map.c. */
typedef struct {
  RlPos pos;             /* the sidecar file */
  char *digest;          /* of the sidecar and every SVG it names, together */
  char *svg_path;        /* resolved path of the SVG, inside the data folder */
  RlPos svg_pos;         /* where `svg:` is written */
  char *overview_path;   /* resolved path of a coarser SVG for the whole-map inset (same
                          * viewBox, ids and structure), inside the data folder; or NULL */
  RlPos overview_pos;    /* where `overview:` is written */
  char *simplified_path; /* resolved path of the same map simplified (same viewBox, ids and
                          * structure), drawn where that cannot be seen; or NULL */
  double simplified_tolerance; /* how far its borders stray from the SVG's, user units */
  RlPos simplified_pos;  /* where `simplified:` is written */
  RlText attribution;    /* the map's credit printed with it, per language; may be empty */
  char *id_pattern;      /* element id for a code, "{code}" replaced: "nis-{code}"; or NULL */
  GHashTable *id_table;  /* char* code → char* element id, or NULL (when pattern is used) */
  GPtrArray *codes;      /* char*: every code the map knows (sorted); used to check coverage */
  RlPos codes_pos;
  RlProjKind projection;
  double proj[8];
} RlMapSpec;

/* ---- the whole model ------------------------------------------------------------- */

typedef struct {
  char *data_dir;            /* as given on the command line */
  RlSite site;
  GPtrArray *editions;       /* RlEdition*, in file order */
  GPtrArray *networks;       /* RlNetwork*, in file order */
  GPtrArray *groups;         /* RlGroup*, sorted by id */
  GPtrArray *resources;      /* RlResource* */
  GPtrArray *texts;          /* RlEditorial*, sorted by order then id */
  GPtrArray *layouts;        /* RlLayout* */
  RlMapSpec *map;            /* NULL when the site names no map */
  GHashTable *files;         /* interned file names: char* → char* (same pointer) */
  GHashTable *value_pos;     /* address of a loaded value (a char*, a GDate…) → RlPos*:
                              * where it was written, for messages; see model_value_pos() */
} RlModel;

/* A new empty model for data_dir (copied). Free with model_free(). */
RlModel *model_new(const char *data_dir);
/* Frees the model and everything it owns; NULL is a no-op. */
void model_free(RlModel *m);
/* Returns the interned copy of `file` (owned by m). */
const char *model_intern(RlModel *m, const char *file);

/* Remembers where the value at address `value` (a string or field the model owns) was
 * written. The loader calls it for references, codes and dates. */
void model_set_value_pos(RlModel *m, const void *value, RlPos pos);
/* Where the value at `value` was written, or NULL when unknown. Borrowed from m. */
const RlPos *model_value_pos(const RlModel *m, const void *value);

/* Look-ups by id; NULL when absent. Results are borrowed from m. */
const RlNetwork *model_network(const RlModel *m, const char *id);
const RlGroup *model_group(const RlModel *m, const char *id);
const RlLayout *model_layout(const RlModel *m, const char *name);

/* The groups of an edition (whose network is one of the edition's), sorted by city then
 * name. Returns a new array of borrowed pointers: free with g_ptr_array_unref(). */
GPtrArray *model_edition_groups(const RlModel *m, const RlEdition *e);
/* The groups of a network, same order and ownership as above. */
GPtrArray *model_network_groups(const RlModel *m, const RlNetwork *n);

/* Record constructors; each zero-fills and sets up its arrays. Freed by model_free(). */
RlNetwork *network_new(void);
RlGroup *group_new(void);
RlResource *resource_new(void);
RlEditorial *editorial_new(void);
RlEdition *edition_new(void);
RlLayout *layout_new(void);
RlMapSpec *map_spec_new(void);
void map_spec_free(RlMapSpec *spec);   /* NULL is a no-op */
void text_clear(RlText *t);
void contact_clear(RlContact *c);
