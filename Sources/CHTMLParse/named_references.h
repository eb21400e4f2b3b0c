/* HTML's named character references (the WHATWG table; named_references.c is generated) and the
 * reference a browser reads at an '&'. */
#ifndef WINNOW_NAMED_REFERENCES_H
#define WINNOW_NAMED_REFERENCES_H

#include <libxml/xmlstring.h>

/* A name of the table, without its ';'. */
typedef struct {
    const char *name;
    unsigned char length;
    /* A browser also reads it without the ';' ("&copy 2020"). */
    unsigned char legacy;
    /* libxml2 2.9 reads "&name;" as the same characters. */
    unsigned char libxml2Reads;
    /* What a repair writes for it: its characters' UTF-8, or a numeric reference for markup and blanks. */
    const char *replacement;
    unsigned char replacementLength;
} winnow_NamedReference;

/* The table, sorted by name as bytes. */
extern const winnow_NamedReference winnow_namedReferences[];
extern const int winnow_namedReferenceCount;

/* The named reference a browser reads at `name` (just past an '&', before `end`): the longest name of
 * the table followed by its ';', or else the longest legacy name without it; in an attribute's value
 * (`inAttribute`), not a legacy name without its ';' that a '=' or an ASCII letter or digit follows.
 * Sets `*referenceEnd` past what it reads; NULL when it reads none. */
const winnow_NamedReference *winnow_namedReference(const xmlChar *name, const xmlChar *end, int inAttribute,
                                                   const xmlChar **referenceEnd);

#endif
