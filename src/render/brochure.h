/* brochure.h - what the guide, the booklet and the flyer share: which jobs to make, the
 * layout recipe (with built-in defaults), the guide's content as a flow, PDF metadata,
 * the post-pass, thumbnails and the preflight verdict. */
#pragma once

#include "layout/flow.h"
#include "layout/fonts.h"
#include "layout/pdf.h"
#include "layout/preflight.h"
#include "model/model.h"
#include "render/render.h"

/* The layout `name` of the model, or relais's built-in default for it (static) when the
 * data has none. Never NULL for "guide", "booklet", "flyer", "poster", "kiosk". */
const RlLayout *brochure_layout(const RlModel *m, const char *name);

/* Languages an edition is made in for this run: edition ∩ site ∩ the command line. */
RlLangSet brochure_languages(const RlModel *m, const RlEdition *e, const RlRenderOptions *opt);

/* Adds one job per edition × language for renderer r writing "<dir>/<edition>-<lang>.pdf",
 * with every digest the guide shows (site, layout, edition, networks, groups, resources,
 * texts). */
void brochure_plan(const RlRenderer *r, const char *dir, const char *layout, const RlModel *m,
                   const RlRenderOptions *opt, GPtrArray *jobs);

/* The guide's content for edition e in lang, laid out for lay: cover, editorial texts,
 * group cards, network contact, other help, back page. Free with flow_free(). */
RlFlow *brochure_flow_new(RlFonts *f, const RlLayout *lay, const RlModel *m, const RlEdition *e,
                          RlLang lang);

/* Metadata for a job (title, author, subject, keywords, lang, date); strings point into
 * the model, the job and `title` (which the caller keeps alive). */
RlPdfMeta brochure_meta(const RlJob *job, const RlModel *m, const RlRenderOptions *opt,
                        const char *title);

/* After the surface is finished: /Lang, DisplayDocTitle, figure /Alt texts (alts may be
 * NULL: figures untouched), and TrimBox/BleedBox with press. path is the renderer's own
 * output file (a temporary one in a build): it is rewritten in place. */
bool brochure_post(const char *path, RlLang lang, GPtrArray *alts, const RlPage *pg,
                   GError **error);

/* Checks the recorded runs and adds the findings to env->diags. The output is still
 * written: the pipeline keeps it only with --allow-findings when any is an error. */
void brochure_findings(const RlPreflight *pf, RlRenderEnv *env);

/* Draws page `index` of flow into a PNG about 240 px wide at path. */
bool brochure_thumb(RlFlow *flow, const RlLayout *lay, int index, int number, const char *path,
                    GError **error);

/* The worker's fonts, or NULL with *error when the pipeline gave none or when the font
 * or heading font of lay is not in the set (RL_FONTS_ERROR_MISSING, naming it). */
RlFonts *brochure_fonts(RlRenderEnv *env, const RlLayout *lay, GError **error);
