/* check.c - placeholder until the checks land (issue 2). */
#include "check.h"

void check_model(RlModel *m, const GDate *today, DiagList *dl)
{
  (void)m; (void)today; (void)dl;
}
