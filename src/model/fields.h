/* fields.h - reads a YAML mapping into a C struct by a table of key descriptors.
 *
 * A table lists, per key, its value type, whether it is required and where in the struct
 * the value goes. fields_read() reports unknown keys (with "did you mean"), missing
 * required keys and badly typed or invalid values, each at its position, and carries on.
 * The tables themselves live in load.c, the only file that knows key names.
 */
#pragma once

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "yamldoc.h"

/* What the loader knows while it reads one file. */
typedef struct {
  RlModel *m;
  DiagList *dl;
  const YdDoc *doc;
  const char *file;     /* interned in m: the name used in messages */
  const char *dir;      /* the folder of the file (for relative paths) */
} LoadCtx;

typedef enum {
  FT_STRING,  /* char*: any non-empty scalar */
  FT_ID,      /* char*: [a-z0-9-]+ */
  FT_TEXT,    /* RlText: a string, or a map of language → string */
  FT_DATE,    /* GDate: YYYY-MM-DD */
  FT_BOOL,    /* bool: true or false */
  FT_INT,     /* int */
  FT_NUMBER,  /* double */
  FT_PHONE,   /* char*: see value_phone() */
  FT_EMAIL,   /* char* */
  FT_WEB,     /* char*: http(s) address */
  FT_SOURCE,  /* char*: an address or a note; dangerous schemes refused */
  FT_LANG,    /* RlLang */
  FT_LANGS,   /* RlLangSet: a non-empty list of languages */
  FT_SPOKEN,  /* RlLangSet over spoken.h's table: a non-empty list of spoken languages */
  FT_COLOUR,  /* RlColour: "#rrggbb" */
  FT_ENUM,    /* int-sized enum: desc->enum_of */
  FT_MAP,     /* a nested struct: desc->sub */
  FT_CUSTOM,  /* desc->fn reads it */
  FT_N
} FieldType;

typedef struct FieldDesc FieldDesc;
typedef struct FieldTable FieldTable;

/* Reads value node v into dest (the field's address); reports problems itself. */
typedef void (*FieldFn)(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d);

/* The valid codes of an enum: what it is called ("kind") and its i-th code. */
typedef struct {
  const char *what;
  const char *(*code)(int i);
  int n;
} EnumDesc;

struct FieldDesc {
  const char *key;
  FieldType type;
  bool required;
  size_t offset;            /* of the field in the struct being filled */
  const FieldTable *sub;    /* FT_MAP */
  const EnumDesc *enum_of;  /* FT_ENUM */
  FieldFn fn;               /* FT_CUSTOM */
};

struct FieldTable {
  const char *what;         /* the name used in messages: "place", "group" */
  const FieldDesc *fields;  /* ends with a {NULL} entry; at most 64 */
  ptrdiff_t pos_offset;     /* where the mapping's RlPos goes in the struct, or -1 */
};

/* Reads mapping `map` into the struct at `base` by table t. Returns the set of keys given
 * with a non-empty value (bit i = t->fields[i]); 0 and an error when map is not a map. */
guint64 fields_read(LoadCtx *cx, const YdNode *map, const FieldTable *t, void *base);

/* True when `key` of table t is in the set returned by fields_read(). */
bool fields_given(const FieldTable *t, guint64 given, const char *key);

/* The position of node n in the current file. */
RlPos fields_pos(const LoadCtx *cx, const YdNode *n);

/* Reports "expected WHAT for 'key', found a string|a list|a map|nothing" at v. */
void fields_type_error(LoadCtx *cx, const YdNode *v, const char *what, const char *key);
/* The same, naming a scalar's value: "expected a number for 'qr', found 'big'". */
void fields_value_error(LoadCtx *cx, const YdNode *v, const char *what, const char *key);

/* Reads scalar v as a string (new, or NULL and an error when v is not a scalar). */
char *fields_string(LoadCtx *cx, const YdNode *v, const char *key);

/* Reads one value by its descriptor (what fields_read does for each key). */
void fields_read_value(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d);
