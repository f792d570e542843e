/* build.c - placeholder pipeline: renders every job in turn (issue 6 replaces it). */
#include "build.h"

int build_run(const RlModel *m, const RlBuildOptions *opt, DiagList *dl)
{
  (void)m; (void)opt; (void)dl;
  return 0;
}
