/* registry.c - the list of output kinds, and RlJob helpers. */
#include "render.h"

extern const RlRenderer render_guide, render_booklet, render_flyer;
extern const RlRenderer render_poster;
extern const RlRenderer render_kiosk;

const RlRenderer *const render_registry[] = {
  &render_guide,
  &render_booklet,
  &render_flyer,
  &render_poster,
  &render_kiosk,
  NULL,
};

const RlRenderer *render_find(const char *name)
{
  for (int i = 0; render_registry[i]; i++)
    if (g_strcmp0(render_registry[i]->name, name) == 0)
      return render_registry[i];
  return NULL;
}

RlJob *job_new(const RlRenderer *r, const char *out, const char *title, RlLang lang)
{
  RlJob *job = g_new0(RlJob, 1);
  job->renderer = r;
  job->out = g_strdup(out);
  job->title = g_strdup(title);
  job->lang = lang;
  job->inputs = g_ptr_array_new_with_free_func(g_free);
  return job;
}

void job_add_input(RlJob *job, const char *digest)
{
  if (digest)
    g_ptr_array_add(job->inputs, g_strdup(digest));
}

void job_free(gpointer p)
{
  RlJob *job = p;
  if (!job)
    return;
  g_free(job->out);
  g_free(job->title);
  g_ptr_array_unref(job->inputs);
  g_free(job);
}
