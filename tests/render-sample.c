/* render-sample.c - builds a small model in code (normal and tricky groups: a
 * 120-character name, an empty description, an emoji, a 40-letter Dutch compound) and
 * renders every guide, booklet and flyer of it into OUT. Used by brochures.sh so the
 * renderers are tested independently of the YAML loader.
 *
 *   render-sample OUT [--press] [--tricky] [--data DIR] [--only KIND]
 * --data DIR loads DIR with the loader instead (the bundled data, tests/data-min).
 * Prints every diagnostic to stderr; exit 0 when every job rendered, 1 when a job failed
 * only on preflight findings, 3 on any other failure. */
#include <stdio.h>
#include <string.h>

#include "layout/fonts.h"
#include "layout/preflight.h"
#include "model/check.h"
#include "model/load.h"
#include "render/render.h"
#include "render/strings.h"

static RlPos at(RlModel *m, const char *file, int line)
{
  return (RlPos){model_intern(m, file), line, 3};
}

static void set_text(RlText *t, const char *fr, const char *nl, RlPos pos)
{
  t->v[RL_LANG_FR] = g_strdup(fr);
  t->v[RL_LANG_NL] = g_strdup(nl ? nl : fr);
  t->pos = pos;
}

static void site(RlModel *m)
{
  RlSite *s = &m->site;
  s->pos = at(m, "data/site.yaml", 1);
  s->digest = g_strdup("site-digest");
  set_text(&s->organisation, "Relais — groupes de soutien", "Relais — steungroepen", at(m, "data/site.yaml", 2));
  set_text(&s->tagline, "Vous n'êtes pas seul·e. Des groupes près de chez vous.",
           "U staat er niet alleen voor. Groepen bij u in de buurt.", at(m, "data/site.yaml", 3));
  s->contact.phone = g_strdup("02 000 00 00");
  s->contact.email = g_strdup("info@example.org");
  s->contact.website = g_strdup("https://example.org");
  s->languages = 1u << RL_LANG_FR | 1u << RL_LANG_NL;
  s->default_language = RL_LANG_FR;
  s->sample = true;
  g_date_set_dmy(&s->checked, 20, G_DATE_NOVEMBER, 2026);
}

static RlNetwork *network(RlModel *m)
{
  RlNetwork *n = network_new();
  n->rec.id = g_strdup("brumenta");
  n->rec.pos = at(m, "data/networks.yaml", 2);
  n->rec.digest = g_strdup("net-digest");
  set_text(&n->name, "Brumenta", NULL, at(m, "data/networks.yaml", 3));
  set_text(&n->description, "Le réseau bruxellois de santé mentale pour adultes.",
           "Het Brusselse netwerk geestelijke gezondheid voor volwassenen.", at(m, "data/networks.yaml", 8));
  n->contact.website = g_strdup("https://www.brumenta.be");
  n->contact.pos = at(m, "data/networks.yaml", 7);
  n->region = RL_REGION_BRUSSELS;
  n->languages = m->site.languages;
  g_ptr_array_add(m->networks, n);
  return n;
}

static RlGroup *group(RlModel *m, RlNetwork *n, const char *id, const char *name, const char *what)
{
  g_autofree char *file = g_strdup_printf("data/groups/%s.yaml", id);
  RlGroup *g = group_new();
  g->rec.id = g_strdup(id);
  g->rec.pos = at(m, file, 1);
  g->rec.digest = g_strdup_printf("%s-digest", id);
  g->rec.sample = true;
  set_text(&g->name, name, NULL, at(m, file, 2));
  if (what)
    set_text(&g->description, what, NULL, at(m, file, 4));
  set_text(&g->audience, "60+, personnes seules", "60+, alleenstaanden", at(m, file, 6));
  set_text(&g->cost, "Gratuit", "Gratis", at(m, file, 20));
  set_text(&g->accessibility, "Entrée de plain-pied, boucle magnétique", "Gelijkvloerse ingang, ringleiding",
           at(m, file, 21));
  g->spoken = 1u << RL_LANG_FR | 1u << RL_LANG_NL;
  g->schedule = (RlSchedule){.days = 1, .start_min = 14 * 60, .end_min = 16 * 60,
                             .frequency = RL_FREQ_MONTHLY, .week = 1, .pos = at(m, file, 8)};
  g->place.address = g_strdup("Rue Haute 12");
  g->place.postcode = g_strdup("1000");
  g->place.city = g_strdup("Bruxelles");
  g->in_person = true;
  g->contact.phone = g_strdup("02 123 45 67");
  g->contact.website = g_strdup_printf("https://example.org/groupes/%s", id);
  g->contact.pos = at(m, file, 15);
  g->network_id = g_strdup(n->rec.id);
  g->network = n;
  g_ptr_array_add(m->groups, g);
  return g;
}

static void texts(RlModel *m)
{
  RlEditorial *t = editorial_new();
  t->rec.id = g_strdup("why");
  t->rec.pos = at(m, "data/texts/why.yaml", 1);
  t->rec.digest = g_strdup("why-digest");
  set_text(&t->title, "Pourquoi un groupe ?", "Waarom een groep?", at(m, "data/texts/why.yaml", 2));
  GString *body = g_string_new(NULL);
  for (int i = 0; i < 9; i++)
    g_string_append(body, "Parler avec d'autres personnes qui vivent la même chose aide beaucoup de gens. "
                          "Dans un groupe, chacun parle quand il le souhaite, à son rythme, sans obligation. ");
  g_string_append(body, "\n\nCe que vous y trouvez :\n\n- de l'écoute\n- des idées pour la vie de tous les jours\n- des contacts");
  set_text(&t->body, body->str, NULL, at(m, "data/texts/why.yaml", 4));
  g_string_free(body, TRUE);
  g_ptr_array_add(m->texts, t);
}

static RlModel *build_model(bool tricky)
{
  RlModel *m = model_new("data");
  site(m);
  RlNetwork *n = network(m);
  group(m, n, "anderlecht-cafe", "Café-rencontre d'Anderlecht",
        "On se retrouve autour d'un café pour parler de ce qui pèse et de ce qui aide.");
  group(m, n, "ixelles-deuil", "Groupe de parole après un deuil",
        "Un groupe pour les personnes qui ont perdu un proche. Animé par une psychologue.");
  group(m, n, "schaerbeek-marche", "Marcher ensemble", "Une promenade lente chaque semaine, puis un thé.");
  if (tricky) {
    group(m, n, "tricky-long", "Groupe de soutien pour les aidants proches de personnes âgées vivant seules à domicile dans les dix-neuf communes de Bruxelles",
          NULL);
    group(m, n, "tricky-emoji", "Tricot & papote 🧶", "On tricote, on parle, on rit ☕.");
    group(m, n, "tricky-compound", "Zorgcoördinatieondersteuningsgesprekkenreeks",
          "Een reeks gesprekken.");
  }
  RlEdition *e = edition_new();
  e->rec.id = g_strdup("brussels");
  e->rec.pos = at(m, "data/site.yaml", 12);
  e->rec.digest = g_strdup("ed-digest");
  set_text(&e->name, "Bruxelles", "Brussel", at(m, "data/site.yaml", 13));
  g_ptr_array_add(e->network_ids, g_strdup("brumenta"));
  g_ptr_array_add(e->networks, n);
  e->languages = m->site.languages;
  g_ptr_array_add(m->editions, e);
  texts(m);
  return m;
}

/* Writes OUT/<job>.groups: the names of the edition's groups in the guide's order, one a
 * line, so the shell test can find them in the PDF's text. */
static void write_expected(const RlModel *m, const RlJob *job, const char *path)
{
  if (!job->edition)
    return;
  GPtrArray *groups = model_edition_groups(m, job->edition);
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(groups, i);
    g_autofree char *name = strings_group_name(g, job->lang, m->site.default_language);
    g_string_append_printf(s, "%s\n", name);
  }
  g_autofree char *file = g_strconcat(path, ".groups", NULL);
  g_file_set_contents(file, s->str, (gssize)s->len, NULL);
  g_string_free(s, TRUE);
  g_ptr_array_unref(groups);
}

/* Renders every job into out; returns the exit status described above. */
static int render_all(RlModel *m, const char *out, RlRenderOptions *opt, RlFonts *f, DiagList *dl,
                      const char *only)
{
  GPtrArray *jobs = g_ptr_array_new_with_free_func(job_free);
  for (int r = 0; render_registry[r]; r++)
    if (strstr(only ? only : "guide booklet flyer", render_registry[r]->name))
      render_registry[r]->plan(m, opt, jobs);
  RlRenderEnv env = {.opt = opt, .diags = dl, .fonts = f};
  int rc = 0;
  for (guint i = 0; i < jobs->len; i++) {
    RlJob *job = g_ptr_array_index(jobs, i);
    g_autofree char *path = g_build_filename(out, job->out, NULL);
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *thumb = g_strconcat(path, ".png", NULL);
    g_mkdir_with_parents(dir, 0755);
    g_autoptr(GError) err = NULL;
    write_expected(m, job, path);
    if (!job->renderer->render(job, m, &env, path, thumb, &err)) {
      fprintf(stderr, "render-sample: %s\n", err->message);
      rc = 3;
    }
  }
  g_datalist_clear(&env.kept);
  g_ptr_array_unref(jobs);
  return rc ? rc : diag_has_errors(dl) ? 1 : 0;
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "usage: render-sample OUT [--press] [--tricky]\n");
    return 2;
  }
  bool press = false, tricky = false;
  const char *data = NULL, *only = NULL;
  for (int i = 2; i < argc; i++) {
    press |= strcmp(argv[i], "--press") == 0, tricky |= strcmp(argv[i], "--tricky") == 0;
    if (i + 1 < argc && strcmp(argv[i], "--data") == 0)
      data = argv[++i];
    else if (i + 1 < argc && strcmp(argv[i], "--only") == 0)
      only = argv[++i];
  }
  g_autofree char *fonts_dir = g_build_filename(g_getenv("SRCDIR") ? g_getenv("SRCDIR") : ".", "fonts", NULL);
  g_autoptr(GError) err = NULL;
  RlFonts *f = fonts_new(fonts_dir, &err);
  if (!f) {
    fprintf(stderr, "render-sample: %s\n", err->message);
    return 3;
  }
  DiagList *dl = diag_list_new();
  RlModel *m = data ? load_model(data, NULL, dl) : build_model(tricky);
  if (data) {
    GDate today;
    g_date_clear(&today, 1);
    g_date_set_dmy(&today, 20, G_DATE_NOVEMBER, 2026);
    check_model(m, &today, dl);
  }
  RlRenderOptions opt = {.press = press, .source_date_epoch = 1795000000};
  int rc = diag_has_errors(dl) ? 3 : render_all(m, argv[1], &opt, f, dl, only);
  diag_print(dl, stderr);
  diag_list_free(dl);
  model_free(m);
  fonts_free(f);
  return rc;
}
