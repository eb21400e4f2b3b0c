/* The scan before the parse that repairs what libxml2 2.9 would read other than a browser (page_repairs.c). */
#ifndef WINNOW_PAGE_REPAIRS_H
#define WINNOW_PAGE_REPAIRS_H

#include <libxml/xmlstring.h>
#include <stddef.h>

/* A repaired copy of a page being written: the page's bytes before `copied` are in `out` (`count`). */
typedef struct {
    xmlChar *out;
    size_t count;
    const xmlChar *copied;
} winnow_RepairedCopy;

/* In the copy, the page's bytes [from, to) become `with` (`length` bytes: more only as far as
 * `winnow_repairGrowth` made room). */
void winnow_replace(winnow_RepairedCopy *copy, const xmlChar *from, const xmlChar *to, const char *with, size_t length);

/* The most bytes the repairs of a page add to it: the copy's room beyond the page's length. */
size_t winnow_repairGrowth(const xmlChar *page, int length);

/* The repairs of a page (with `copy`, written there); returns their number (with no copy: 0 or 1). */
int winnow_repairPage(const xmlChar *page, int length, winnow_RepairedCopy *copy);

/* Where the start tag whose name begins at `name` ends as the scan reads it (its '>', the '/' of "/>",
 * or `end`), or NULL when it holds something the scan would repair. */
const xmlChar *winnow_startTagEnd(const xmlChar *name, const xmlChar *end);

#endif
