/* test-png.c - png_encode: exact palettes, the bounded lossy palette, the RGB fallback,
 * deterministic bytes; every file decoded back with cairo and compared pixel by pixel. */
#include "layout/png.h"

#include <string.h>

/* The flat colours of the two-pair text surface: ink on paper, white on accent. */
enum { PAPER = 0xfffbf0, INK = 0x1a1a1a, ACCENT = 0x0b5394, WHITE = 0xffffff };

typedef struct {
  const GByteArray *png;
  guint pos;
} Reader;

static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int len)
{
  Reader *r = closure;
  if (len > r->png->len - r->pos)
    return CAIRO_STATUS_READ_ERROR;
  memcpy(data, r->png->data + r->pos, len);
  r->pos += len;
  return CAIRO_STATUS_SUCCESS;
}

/* Encodes `s`, checks the PNG's colour type (3 palette, 2 RGB) and returns it decoded. */
static cairo_surface_t *round_trip(cairo_surface_t *s, int colour_type, GByteArray *png)
{
  GError *error = NULL;
  g_assert_true(png_encode(s, png, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(png->len, >, 33);
  g_assert_cmpmem(png->data + 12, 4, "IHDR", 4);
  g_assert_cmpint(png->data[24], ==, 8);           /* bit depth */
  g_assert_cmpint(png->data[25], ==, colour_type); /* colour type */
  Reader r = {png, 0};
  cairo_surface_t *d = cairo_image_surface_create_from_png_stream(read_png, &r);
  g_assert_cmpint(cairo_surface_status(d), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint(cairo_image_surface_get_width(d), ==, cairo_image_surface_get_width(s));
  g_assert_cmpint(cairo_image_surface_get_height(d), ==, cairo_image_surface_get_height(s));
  return d;
}

static guint32 pixel(cairo_surface_t *s, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);
  return ((const guint32 *)(const void *)row)[x] & 0xffffff;
}

static void set_pixel(cairo_surface_t *s, int x, int y, guint32 v)
{
  guint8 *row = cairo_image_surface_get_data(s) + (size_t)y * (size_t)cairo_image_surface_get_stride(s);
  ((guint32 *)(void *)row)[x] = v;
}

/* The largest difference of one channel between the pixels of a and b. */
static int max_channel_diff(cairo_surface_t *a, cairo_surface_t *b)
{
  int worst = 0;
  for (int y = 0; y < cairo_image_surface_get_height(a); y++)
    for (int x = 0; x < cairo_image_surface_get_width(a); x++)
      for (int sh = 0; sh < 24; sh += 8)
        worst = MAX(worst, abs((int)((pixel(a, x, y) >> sh) & 0xff) -
                               (int)((pixel(b, x, y) >> sh) & 0xff)));
  return worst;
}

static guint count_colours(cairo_surface_t *s)
{
  g_autoptr(GHashTable) seen = g_hash_table_new(NULL, NULL);
  for (int y = 0; y < cairo_image_surface_get_height(s); y++)
    for (int x = 0; x < cairo_image_surface_get_width(s); x++)
      g_hash_table_add(seen, GUINT_TO_POINTER(pixel(s, x, y)));
  return g_hash_table_size(seen);
}

static void fill_rgb(cairo_t *cr, guint32 c)
{
  cairo_set_source_rgb(cr, (c >> 16) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0);
}

/* 301 x 203 (odd sizes: stride padding), 200 colours in stripes and single pixels. */
static cairo_surface_t *few_colours(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 301, 203);
  cairo_surface_flush(s);
  for (int y = 0; y < 203; y++)
    for (int x = 0; x < 301; x++) {
      guint32 k = (guint32)((x / 5 * 13 + y / 4 * 7 + (x * y) % 3) % 200);
      set_pixel(s, x, y, 0xff000000u | k << 16 | (k * 7 & 0xff) << 8 | (255 - k));
    }
  cairo_surface_mark_dirty(s);
  return s;
}

/* Large anti-aliased text: ink on paper (left), white on accent (right). */
static cairo_surface_t *two_pair_text(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 640, 200);
  cairo_t *cr = cairo_create(s);
  fill_rgb(cr, PAPER);
  cairo_paint(cr);
  fill_rgb(cr, ACCENT);
  cairo_rectangle(cr, 320, 0, 320, 200);
  cairo_fill(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  const char *words[] = {"Groupe de parole", "Praatgroep", "Café des aidants", "Liège"};
  for (int i = 0; i < 4; i++) {
    cairo_set_font_size(cr, 23.0 + 7.3 * i);
    for (int half = 0; half < 2; half++) {
      fill_rgb(cr, half ? WHITE : INK);
      cairo_move_to(cr, 8.3 + 320 * half, 40.0 + 46.7 * i);
      cairo_show_text(cr, words[i]);
    }
  }
  cairo_destroy(cr);
  cairo_surface_flush(s);
  return s;
}

static void test_exact_palette(void)
{
  cairo_surface_t *s = few_colours();
  g_assert_cmpuint(count_colours(s), ==, 200);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 3, png);
  g_assert_cmpint(max_channel_diff(s, d), ==, 0);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

static void test_bounded_palette(void)
{
  cairo_surface_t *s = two_pair_text();
  g_assert_cmpuint(count_colours(s), >, 256);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 3, png);
  int diff = max_channel_diff(s, d);
  g_assert_cmpint(diff, <=, 7);
  g_assert_cmpint(diff, >, 0); /* lossy indeed: the test looks at the right path */
  guint flat = 0;
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 640; x++) {
      guint32 c = pixel(s, x, y);
      if (c == PAPER || c == INK || c == ACCENT || c == WHITE) {
        g_assert_cmphex(pixel(d, x, y), ==, c);
        flat++;
      }
    }
  g_assert_cmpuint(flat, >, 640 * 200 / 2);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

static void test_rgb_fallback(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 256, 256);
  cairo_surface_flush(s);
  for (int y = 0; y < 256; y++)
    for (int x = 0; x < 256; x++)
      set_pixel(s, x, y, 0xff000000u | (guint32)(x << 16 | y << 8 | ((x + y) & 0xff)));
  cairo_surface_mark_dirty(s);
  g_assert_cmpuint(count_colours(s), >, 256 * 8);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 2, png);
  g_assert_cmpint(max_channel_diff(s, d), ==, 0);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

/* 288 colours 8 apart: 288 buckets at 3 bits, 80 at 4; 4 bits would move colours by 15,
 * beyond the bound, so this is RGB too. */
static void test_rgb_beyond_bound(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 320, 90);
  cairo_surface_flush(s);
  for (int y = 0; y < 90; y++)
    for (int x = 0; x < 320; x++)
      set_pixel(s, x, y, 0xff000000u | (guint32)((x / 10) * 8 << 16 | (y / 10) * 8 << 8));
  cairo_surface_mark_dirty(s);
  g_assert_cmpuint(count_colours(s), ==, 288);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 2, png);
  g_assert_cmpint(max_channel_diff(s, d), ==, 0);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

/* Same pixels, same bytes: twice, and with the unused top byte of each pixel changed;
 * the palette is sorted by colour value. */
static void test_deterministic(void)
{
  cairo_surface_t *s = two_pair_text();
  g_autoptr(GByteArray) a = g_byte_array_new();
  g_autoptr(GByteArray) b = g_byte_array_new();
  g_autoptr(GByteArray) c = g_byte_array_new();
  g_assert_true(png_encode(s, a, NULL));
  g_assert_true(png_encode(s, b, NULL));
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 640; x++)
      set_pixel(s, x, y, pixel(s, x, y) | (guint32)((x * 31 + y) & 0xff) << 24);
  cairo_surface_mark_dirty(s);
  g_assert_true(png_encode(s, c, NULL));
  g_assert_cmpmem(a->data, a->len, b->data, b->len);
  g_assert_cmpmem(a->data, a->len, c->data, c->len);
  g_assert_cmpmem(a->data + 37, 4, "PLTE", 4);
  guint32 n = (guint32)a->data[33] << 24 | (guint32)a->data[34] << 16 | a->data[35] << 8 | a->data[36];
  g_assert_cmpuint(n % 3, ==, 0);
  g_assert_cmpuint(n / 3, <=, 256);
  for (guint32 i = 3; i < n; i += 3)
    g_assert_cmpint(memcmp(a->data + 41 + i - 3, a->data + 41 + i, 3), <, 0);
  cairo_surface_destroy(s);
}

/* Rows of every width around the match limits (3, 258, 2 x 258): flat, noisy, repeated,
 * partly like the row above; each decodes to exactly the pixels. */
static void test_run_lengths(void)
{
  const int widths[] = {1, 2, 3, 4, 255, 256, 257, 258, 259, 260, 261, 515, 516, 517, 518, 519};
  guint32 seed = 1;
  for (size_t k = 0; k < G_N_ELEMENTS(widths); k++) {
    int w = widths[k];
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, 12);
    cairo_surface_flush(s);
    for (int y = 0; y < 12; y++)
      for (int x = 0; x < w; x++) {
        seed = seed * 1103515245u + 12345u;
        guint32 noise = (seed >> 16) % 5 * 0x203040u;
        guint32 c = y < 2 ? 0 : y < 4 ? 0x102030 : y < 6 ? noise : y == 6 ? pixel(s, x, 5) :
                    y < 9 ? (x % 7 < 4 ? pixel(s, x, y - 1) : noise) : (guint32)(x / 3 % 2) * 0xffffff;
        set_pixel(s, x, y, 0xff000000u | c);
      }
    cairo_surface_mark_dirty(s);
    g_autoptr(GByteArray) png = g_byte_array_new();
    cairo_surface_t *d = round_trip(s, 3, png);
    g_assert_cmpint(max_channel_diff(s, d), ==, 0);
    cairo_surface_destroy(d);
    cairo_surface_destroy(s);
  }
}

/* A slide's size and look: paper, an accent stripe, lines of large text, a block of QR
 * modules. Many DEFLATE blocks, long runs, rows equal to the one above; the decoded file
 * has the flat colours exactly and every other pixel within the bound. */
static void test_slide(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create(s);
  fill_rgb(cr, PAPER);
  cairo_paint(cr);
  fill_rgb(cr, ACCENT);
  cairo_rectangle(cr, 0, 0, 47, 1000);
  cairo_fill(cr);
  fill_rgb(cr, INK);
  for (int m = 0; m < 29 * 29; m++) /* QR-like modules, 12 px each */
    if ((m * 2654435761u) >> 31)
      cairo_rectangle(cr, 1500 + m % 29 * 12, 500 + m / 29 * 12, 12, 12);
  cairo_fill(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 56);
  for (int i = 0; i < 8; i++) {
    cairo_move_to(cr, 120, 120 + 110 * i);
    cairo_show_text(cr, "Groupe de parole, mardi 14 h 30");
  }
  cairo_destroy(cr);
  cairo_surface_flush(s);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 3, png);
  g_assert_cmpint(max_channel_diff(s, d), <=, 7);
  for (int y = 0; y < 1080; y++)
    for (int x = 0; x < 1920; x++) {
      guint32 c = pixel(s, x, y);
      if (c == PAPER || c == INK || c == ACCENT)
        g_assert_cmphex(pixel(d, x, y), ==, c);
    }
  g_assert_cmpuint(png->len, <, 1920 * 1080 / 20);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

/* More runs than the encoder keeps from its first pass (a fine checkerboard of four
 * colours, 1 to 3 pixels wide, no row like the one above): the later rows are scanned
 * again, and every pixel still decodes exactly. */
static void test_many_runs(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1500, 1000);
  cairo_surface_flush(s);
  static const guint32 c[4] = {PAPER, INK, ACCENT, WHITE};
  for (int y = 0; y < 1000; y++)
    for (int x = 0; x < 1500; x++)
      set_pixel(s, x, y, 0xff000000u | c[(x / (1 + y % 3) + y) % 4]);
  cairo_surface_mark_dirty(s);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 3, png);
  g_assert_cmpint(max_channel_diff(s, d), ==, 0);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

/* Other formats go through cairo, losslessly. */
static void test_argb(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 30);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgba(cr, 0.2, 0.4, 0.6, 0.5);
  cairo_paint(cr);
  cairo_destroy(cr);
  g_autoptr(GByteArray) png = g_byte_array_new();
  cairo_surface_t *d = round_trip(s, 6, png);
  g_assert_cmpint(cairo_image_surface_get_format(d), ==, CAIRO_FORMAT_ARGB32);
  cairo_surface_destroy(d);
  cairo_surface_destroy(s);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/png/exact-palette", test_exact_palette);
  g_test_add_func("/png/bounded-palette", test_bounded_palette);
  g_test_add_func("/png/rgb-fallback", test_rgb_fallback);
  g_test_add_func("/png/rgb-beyond-bound", test_rgb_beyond_bound);
  g_test_add_func("/png/run-lengths", test_run_lengths);
  g_test_add_func("/png/deterministic", test_deterministic);
  g_test_add_func("/png/slide", test_slide);
  g_test_add_func("/png/many-runs", test_many_runs);
  g_test_add_func("/png/argb-through-cairo", test_argb);
  return g_test_run();
}
