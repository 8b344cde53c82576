/* cairo's PDF surface draws the pages; pango lays out and shapes the text (Arabic, CJK,
 * font fallback) on it. The renderer uses only functions, no GObject cast macros, so no
 * C shim target is needed. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
