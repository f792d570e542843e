/* load.c - placeholder until the YAML loader lands (issue 2). */
#include "load.h"

RlModel *load_model(const char *data_dir, const char *layouts_dir, DiagList *dl)
{
  (void)layouts_dir;
  RlModel *m = model_new(data_dir);
  if (!g_file_test(data_dir, G_FILE_TEST_IS_DIR))
    diag_error(dl, data_dir, 0, 0, "no such data folder");
  return m;
}
