/* test-model.c - the model's small pure functions. */
#include "model/diag.h"
#include "model/model.h"

static void test_lang_table(void)
{
  RlLang l;
  g_assert_true(lang_parse("nl", &l));
  g_assert_cmpint(l, ==, RL_LANG_NL);
  g_assert_cmpstr(lang_code(RL_LANG_DE), ==, "de");
  g_assert_false(lang_parse("xx", &l));
}

static void test_text_fallback(void)
{
  RlText t = {0};
  t.v[RL_LANG_NL] = g_strdup("Hallo");
  g_assert_cmpstr(text_get(&t, RL_LANG_FR, RL_LANG_NL), ==, "Hallo");
  t.v[RL_LANG_FR] = g_strdup("Bonjour");
  g_assert_cmpstr(text_get(&t, RL_LANG_FR, RL_LANG_NL), ==, "Bonjour");
  g_assert_cmpstr(text_get(&t, RL_LANG_DE, RL_LANG_EN), ==, "Bonjour");
  text_clear(&t);
  g_assert_true(text_is_empty(&t));
  g_assert_null(text_get(&t, RL_LANG_FR, RL_LANG_NL));
}

static void test_diag_sorted(void)
{
  DiagList *dl = diag_list_new();
  diag_error(dl, "b.yaml", 2, 1, "second file");
  diag_warning(dl, "a.yaml", 10, 3, "later line");
  diag_error(dl, "a.yaml", 3, 5, "earlier line");
  diag_error(dl, "a.yaml", 3, 5, "earlier line");
  diag_sort(dl);
  g_assert_cmpuint(diag_len(dl), ==, 3);
  g_autofree char *s0 = diag_format(diag_at(dl, 0));
  g_autofree char *s2 = diag_format(diag_at(dl, 2));
  g_assert_cmpstr(s0, ==, "a.yaml:3:5: error: earlier line");
  g_assert_cmpstr(s2, ==, "b.yaml:2:1: error: second file");
  g_assert_cmpuint(diag_count(dl, DIAG_WARNING), ==, 1);
  diag_list_free(dl);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/model/lang-table", test_lang_table);
  g_test_add_func("/model/text-fallback", test_text_fallback);
  g_test_add_func("/diag/sorted", test_diag_sorted);
  return g_test_run();
}
