/* kiosk-bundle.c - test helper: renders the kiosk bundle of a data folder into a folder,
 * without the build pipeline. Usage: kiosk-bundle DATA OUT [LAYOUTS] [THUMB.png]
 * Prints diagnostics to stderr; exits 0 when the bundle was written without errors. */
#include <gio/gio.h>
#include <stdio.h>

#include "model/check.h"
#include "model/load.h"
#include "render/render.h"

int main(int argc, char **argv)
{
  if (argc < 3) {
    fprintf(stderr, "usage: kiosk-bundle DATA OUT [LAYOUTS] [THUMB.png]\n");
    return 2;
  }
  DiagList *dl = diag_list_new();
  RlModel *m = load_model(argv[1], argc > 3 && *argv[3] ? argv[3] : NULL, dl);
  GDate today;
  g_date_clear(&today, 1);
  g_date_set_dmy(&today, 1, 1, 2027);
  if (!diag_has_errors(dl))
    check_model(m, &today, dl);
  int status = 1;
  if (!diag_has_errors(dl)) {
    RlRenderOptions opt = {.source_date_epoch = 0};
    RlRenderEnv env = {.opt = &opt, .diags = dl};
    const RlRenderer *r = render_find("kiosk");
    g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func(job_free);
    r->plan(m, &opt, jobs);
    g_autoptr(GError) err = NULL;
    g_mkdir_with_parents(argv[2], 0755);
    if (jobs->len == 1
        && r->render(g_ptr_array_index(jobs, 0), m, &env, argv[2], argc > 4 ? argv[4] : NULL, &err))
      status = diag_has_errors(dl) ? 1 : 0;
    else
      fprintf(stderr, "kiosk-bundle: %s\n", err ? err->message : "no kiosk job planned");
    g_free(env.note);
  }
  diag_sort(dl);
  diag_print(dl, stderr);
  diag_list_free(dl);
  model_free(m);
  return status;
}
