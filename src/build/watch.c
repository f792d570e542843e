/* watch.c - placeholder until watch mode lands (issue 6). */
#include "watch.h"

#include <stdio.h>

int watch_run(const RlBuildOptions *opt)
{
  (void)opt;
  fprintf(stderr, "relais watch: not available yet\n");
  return 3;
}
