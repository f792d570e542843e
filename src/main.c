/* main.c - the command line: a table of commands, their options, exit codes.
 *
 * The only file that exits. Exit codes: 0 ok, 1 bad data, 2 bad usage, 3 I/O or
 * rendering failure.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "build/session.h"
#include "build/stamp.h"
#include "build/watch.h"
#include "layout/pdfpost.h"
#include "model/diag.h"
#include "layout/fonts.h"
#include "render/dryrun.h"

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

typedef struct {
  char *data_dir;
  char *out_dir;
  char *layouts_dir;
  char *langs;
  char *only;
  int jobs;
  gboolean force, press, quiet, allow_findings;
} CliOptions;

typedef int (*CommandFn)(CliOptions *o);

typedef struct {
  const char *name;
  CommandFn fn;
  const char *summary;
  bool renders; /* takes -o, --lang, --only, -j, --force, --press */
} Command;

static int cmd_build(CliOptions *o);
static int cmd_check(CliOptions *o);
static int cmd_watch(CliOptions *o);

static const Command commands[] = {
  {"build", cmd_build, "make the brochures, posters and kiosk from the data", true},
  {"check", cmd_check, "validate the data and the layout, render nothing", false},
  {"watch", cmd_watch, "build, then rebuild what a change touches, until interrupted", true},
};

/* Loads and checks the data; returns the model (NULL never), diagnostics in dl.
 * map_checked: see session_load(). */
static RlModel *load_checked(const CliOptions *o, const char *map_checked, DiagList *dl)
{
  return session_load(o->data_dir, o->layouts_dir, map_checked, dl);
}

static void print_summary(const RlModel *m, DiagList *dl)
{
  GString *langs = g_string_new(NULL);
  for (int l = 0; l < RL_LANG_N; l++)
    if (RL_LANGSET_HAS(m->site.languages, l))
      g_string_append_printf(langs, "%s%s", langs->len ? "," : "", lang_code((RlLang)l));
  fprintf(stderr, "%s: %u networks, %u groups, %u texts, languages %s: %u errors, %u warnings\n",
          m->data_dir, m->networks->len, m->groups->len, m->texts->len,
          langs->len ? langs->str : "none", diag_count(dl, DIAG_ERROR),
          diag_count(dl, DIAG_WARNING));
  g_string_free(langs, TRUE);
}

static int cmd_check(CliOptions *o)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load_checked(o, NULL, dl);
  if (!diag_has_errors(dl)) { /* lay everything out too: the large-print preflight */
    const char *sde = g_getenv("SOURCE_DATE_EPOCH");
    RlRenderOptions ro = {.source_date_epoch = sde ? g_ascii_strtoll(sde, NULL, 10) : 0};
    g_autofree char *fonts_dir = fonts_dir_find(o->data_dir);
    dryrun_all(m, &ro, fonts_dir, dl);
  }
  diag_print(dl, stderr);
  print_summary(m, dl);
  int rc = diag_has_errors(dl) ? EXIT_DATA : EXIT_OK;
  model_free(m);
  diag_list_free(dl);
  return rc;
}

/* Parses "fr,nl" into a set; false (and a message) on an unknown code. */
static bool parse_langs(const char *s, RlLangSet *out)
{
  *out = 0;
  if (!s)
    return true;
  g_auto(GStrv) parts = g_strsplit(s, ",", -1);
  for (int i = 0; parts[i]; i++) {
    RlLang l;
    if (!lang_parse(g_strstrip(parts[i]), &l)) {
      fprintf(stderr, "relais: unknown language '%s' in --lang (use fr, nl, de or en)\n", parts[i]);
      return false;
    }
    *out |= 1u << l;
  }
  return true;
}

/* Parses "guide,poster" into renderers; false (and a message) on an unknown kind. */
static bool parse_only(const char *s, GPtrArray *only)
{
  if (!s)
    return true;
  g_auto(GStrv) parts = g_strsplit(s, ",", -1);
  for (int i = 0; parts[i]; i++) {
    const RlRenderer *r = render_find(g_strstrip(parts[i]));
    if (!r) {
      GString *known = g_string_new(NULL);
      for (int k = 0; render_registry[k]; k++)
        g_string_append_printf(known, "%s%s", k ? ", " : "", render_registry[k]->name);
      fprintf(stderr, "relais: unknown output '%s' in --only (known: %s)\n", parts[i], known->str);
      g_string_free(known, TRUE);
      return false;
    }
    g_ptr_array_add(only, (gpointer)r);
  }
  return true;
}

static bool build_options(const CliOptions *o, RlBuildOptions *b)
{
  *b = (RlBuildOptions){
    .data_dir = o->data_dir, .out_dir = o->out_dir, .layouts_dir = o->layouts_dir,
    .only = g_ptr_array_new(), .jobs = o->jobs, .force = o->force, .press = o->press,
    .quiet = o->quiet, .allow_findings = o->allow_findings,
  };
  return parse_langs(o->langs, &b->languages) && parse_only(o->only, b->only);
}

static int cmd_build(CliOptions *o)
{
  RlBuildOptions b;
  if (!build_options(o, &b)) {
    g_ptr_array_unref(b.only);
    return EXIT_USAGE;
  }
  DiagList *dl = diag_list_new();
  RlStamp *stamp = stamp_scan(&b); /* before anything is read */
  b.stamp = stamp;
  int rc = EXIT_OK;
  if (!build_unchanged(&b, dl)) {
    g_autofree char *map_checked = session_map_checked(b.out_dir);
    RlModel *m = load_checked(o, map_checked, dl);
    bool loaded = !diag_has_errors(dl); /* the map too passed its check */
    rc = loaded ? build_run(m, &b, dl) : EXIT_DATA;
    if (loaded) /* after the build: OUT exists now */
      session_map_checked_save(b.out_dir, m, map_checked);
    model_free(m);
  }
  diag_print(dl, stderr);
  if (rc == EXIT_DATA && !diag_has_errors(dl))
    rc = EXIT_OK;
  diag_list_free(dl);
  stamp_free(stamp);
  g_ptr_array_unref(b.only);
  return rc;
}

static int cmd_watch(CliOptions *o)
{
  RlBuildOptions b;
  int rc = build_options(o, &b) ? watch_run(&b) : EXIT_USAGE;
  g_ptr_array_unref(b.only);
  return rc;
}

static const Command *find_command(const char *name)
{
  for (size_t i = 0; name && i < G_N_ELEMENTS(commands); i++)
    if (strcmp(commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void print_usage(FILE *out)
{
  fprintf(out, "Usage: relais COMMAND [OPTIONS]\n\n"
               "Makes large-print brochures, posters and a kiosk slideshow from YAML data.\n\n"
               "Commands:\n");
  for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-7s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nOutputs (for --only):");
  for (int k = 0; render_registry[k]; k++)
    fprintf(out, " %s", render_registry[k]->name);
  fprintf(out, "\n\nRun 'relais COMMAND --help' for the options of a command.\n"
               "Exit codes: 0 ok, 1 bad data, 2 bad usage, 3 I/O or rendering failure.\n");
}

/* Parses the command's options into o; returns EXIT_OK or EXIT_USAGE. */
static int parse_options(const Command *c, int *argc, char ***argv, CliOptions *o)
{
  GOptionEntry common[] = {
    {"data", 'd', 0, G_OPTION_ARG_FILENAME, &o->data_dir, "Data folder (default: ./data)", "DATA"},
    {"layouts", 'l', 0, G_OPTION_ARG_FILENAME, &o->layouts_dir,
     "Layout recipes (default: DATA/layouts, else DATA/../layouts)", "DIR"},
    {NULL},
  };
  GOptionEntry rendering[] = {
    {"out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out_dir, "Output folder (default: ./output)", "OUT"},
    {"lang", 0, 0, G_OPTION_ARG_STRING, &o->langs, "Only these languages: fr,nl,de,en", "LANGS"},
    {"only", 0, 0, G_OPTION_ARG_STRING, &o->only, "Only these outputs: guide,booklet,flyer,poster,kiosk", "KINDS"},
    {"jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, "Parallel workers (default: number of cores)", "N"},
    {"force", 0, 0, G_OPTION_ARG_NONE, &o->force, "Rebuild everything, changed or not", NULL},
    {"press", 0, 0, G_OPTION_ARG_NONE, &o->press, "Print-shop PDFs: 3 mm bleed, crop marks", NULL},
    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet, "Print only problems", NULL},
    {"allow-findings", 0, 0, G_OPTION_ARG_NONE, &o->allow_findings,
     "Write outputs even when the large-print preflight finds problems", NULL},
    {NULL},
  };
  g_autofree char *param = g_strdup_printf("%s - %s", c->name, c->summary);
  GOptionContext *ctx = g_option_context_new(param);
  g_option_context_add_main_entries(ctx, common, NULL);
  if (c->renders)
    g_option_context_add_main_entries(ctx, rendering, NULL);
  g_autoptr(GError) err = NULL;
  bool ok = g_option_context_parse(ctx, argc, argv, &err);
  g_option_context_free(ctx);
  if (!ok) {
    fprintf(stderr, "relais %s: %s\nRun 'relais %s --help' for the options.\n", c->name,
            err->message, c->name);
    return EXIT_USAGE;
  }
  if (*argc > 1) {
    fprintf(stderr, "relais %s: unexpected argument '%s'\n", c->name, (*argv)[1]);
    return EXIT_USAGE;
  }
  if (o->jobs < 0) {
    fprintf(stderr, "relais %s: --jobs must be 0 or more\n", c->name);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

static void cli_options_clear(CliOptions *o)
{
  g_free(o->data_dir);
  g_free(o->out_dir);
  g_free(o->layouts_dir);
  g_free(o->langs);
  g_free(o->only);
}

int main(int argc, char **argv)
{
  setlocale(LC_ALL, "");
  setlocale(LC_NUMERIC, "C"); /* cairo parses tag attributes with the locale */
  pdfpost_raw_streams();       /* before any thread: an environment variable */
  if (argc < 2) {
    print_usage(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    print_usage(stdout);
    return EXIT_OK;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("relais %s\n", RELAIS_VERSION);
    return EXIT_OK;
  }
  const Command *c = find_command(argv[1]);
  if (!c) {
    fprintf(stderr, "relais: unknown command '%s'\n\n", argv[1]);
    print_usage(stderr);
    return EXIT_USAGE;
  }
  CliOptions o = {0};
  int sub_argc = argc - 1;
  char **sub_argv = argv + 1;
  int rc = parse_options(c, &sub_argc, &sub_argv, &o);
  if (rc == EXIT_OK) {
    if (!o.data_dir)
      o.data_dir = g_strdup("data");
    if (!o.out_dir)
      o.out_dir = g_strdup("output");
    rc = c->fn(&o);
  }
  cli_options_clear(&o);
  return rc;
}
