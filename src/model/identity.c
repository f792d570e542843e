/* identity.c - the version and build ID of the running relais (see identity.h). */
#include "identity.h"

#include "config.h"

#include <elf.h>
#include <glib.h>
#include <link.h>
#include <stdbool.h>
#include <string.h>

/* The build ID note's bytes in hex, appended to `hex`; false if `phdr` holds none. */
static bool note_build_id(const ElfW(Addr) base, const ElfW(Phdr) *phdr, GString *hex)
{
  const char *p = (const char *)(base + phdr->p_vaddr);
  const char *end = p + phdr->p_memsz;
  while (p + sizeof(ElfW(Nhdr)) <= end) {
    const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)p;
    const char *name = p + sizeof *n;
    const unsigned char *desc = (const unsigned char *)name + ((n->n_namesz + 3) & ~3u);
    if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
      for (ElfW(Word) i = 0; i < n->n_descsz; i++)
        g_string_append_printf(hex, "%02x", desc[i]);
      return true;
    }
    p = (const char *)desc + ((n->n_descsz + 3) & ~3u);
  }
  return false;
}

/* dl_iterate_phdr callback: the first object is the executable itself. */
static int first_object(struct dl_phdr_info *info, size_t size, void *data)
{
  (void)size;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_NOTE
        && note_build_id(info->dlpi_addr, &info->dlpi_phdr[i], data))
      break;
  return 1; /* stop after the first */
}

const char *identity_get(void)
{
  static char *identity;
  if (g_once_init_enter(&identity)) {
    GString *hex = g_string_new("");
    dl_iterate_phdr(first_object, hex);
    char *s = g_strdup_printf("relais " RELAIS_VERSION " build %s", hex->len ? hex->str : "none");
    g_string_free(hex, TRUE);
    g_once_init_leave(&identity, s);
  }
  return identity;
}
