/* yamldoc.h - one YAML file as a tree of nodes that remember where they came from.
 *
 * libyaml's events become scalars, sequences and mappings, each with its 1-based line
 * and column and the byte span of its source text (for record digests). The parse is
 * bounded: file size, nesting depth, aliases and what they expand to are limited, so a
 * hostile file cannot make it hang or eat memory. Every problem is a positioned error
 * in the DiagList; the first syntax error ends the parse (libyaml cannot go on).
 *
 * Only load.c (and the tests) include this header: the model knows no YAML.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

#include "diag.h"

typedef enum { YD_SCALAR, YD_SEQUENCE, YD_MAPPING } YdKind;

/* A node. Aliases are resolved by sharing: an alias is the anchored node itself, so a
 * node may appear in several places (its position stays where it was written). */
typedef struct YdNode YdNode;
struct YdNode {
  YdKind kind;
  int line, col;         /* 1-based position of the node's first character */
  gsize start, end;      /* byte span [start, end) in YdDoc.text */
  char *value;           /* scalar: UTF-8 text without NUL bytes; NULL for collections */
  bool plain;            /* scalar written without quotes or block style */
  GPtrArray *children;   /* sequence: items; mapping: key, value, key, value …; borrowed
                          * from the document */
  gsize weight;          /* nodes this one stands for, aliases expanded (saturating) */
};

/* Limits of one parse. */
typedef struct {
  gsize max_bytes;       /* file size */
  int max_depth;         /* nested collections */
  guint max_aliases;     /* alias uses */
  gsize max_expansion;   /* nodes the aliases expand to, in total */
} YdLimits;

/* The limits relais uses: 2 MiB, depth 64, 1000 aliases expanding to 100000 nodes. */
extern const YdLimits yamldoc_limits;

typedef struct {
  char *file;            /* the name used in messages (as given) */
  char *text;            /* the file's bytes, NUL-terminated (a leading BOM included) */
  gsize len;
  YdNode *root;          /* NULL for an empty document */
  GPtrArray *nodes;      /* every node, owned */
  bool shared;           /* an alias made some node a child twice (yamldoc_digest walks) */
} YdDoc;

/* Parses `len` bytes of `text` (copied) as one YAML document. `file` names it in
 * messages. Returns a new document (free with yamldoc_free()), or NULL after adding an
 * error to dl: too large, invalid UTF-8, a NUL byte, a syntax error, too deep, too many
 * aliases, an unknown alias, more than one document. A duplicate key is an error too,
 * but the document is still returned (with both pairs) so its other problems show. */
YdDoc *yamldoc_parse(const char *file, const char *text, gsize len, const YdLimits *limits,
                     DiagList *dl);

/* Reads and parses the file at `path`; `file` names it in messages. NULL (and an error in
 * dl) when it cannot be read or parsed; the size is checked before reading. */
YdDoc *yamldoc_load(const char *path, const char *file, const YdLimits *limits, DiagList *dl);

/* Frees the document and all its nodes; NULL is a no-op. */
void yamldoc_free(YdDoc *doc);

/* True for a plain scalar that means "nothing": empty, "~", "null", "Null", "NULL". */
bool yamldoc_is_null(const YdNode *n);

/* What the node is, for messages: "a string", "a list", "a map" or "nothing". */
const char *yamldoc_kind_name(const YdNode *n);

/* Number of items of a sequence or pairs of a mapping; 0 for a scalar. */
guint yamldoc_len(const YdNode *n);
/* The i-th item of a sequence (borrowed). */
const YdNode *yamldoc_item(const YdNode *n, guint i);
/* The i-th key and value of a mapping (borrowed). */
const YdNode *yamldoc_key(const YdNode *n, guint i);
const YdNode *yamldoc_value(const YdNode *n, guint i);
/* The value of the scalar key `key` in mapping n, or NULL. */
const YdNode *yamldoc_get(const YdNode *n, const char *key);

/* Hex SHA-256 of the node's source bytes; where the node reaches text outside its span
 * through an alias, that text is hashed too. Free with g_free(). */
char *yamldoc_digest(const YdDoc *doc, const YdNode *n);
