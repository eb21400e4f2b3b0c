/* The named character reference a browser reads at an '&' (the HTML standard's tokenizer), looked up in
 * the generated table (named_references.c). */
#include "named_references.h"

#include <string.h>

/* The longest name of the table. */
enum { winnow_longestName = 31 };

static int winnow_isASCIIAlphanumeric(xmlChar c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The table's entry for the name [name, name + length), or NULL. */
static const winnow_NamedReference *winnow_lookUpName(const xmlChar *name, int length) {
    int low = 0, high = winnow_namedReferenceCount;
    while (low < high) {
        const int middle = (low + high) / 2;
        const winnow_NamedReference *entry = &winnow_namedReferences[middle];
        const int shorter = entry->length < length ? entry->length : length;
        int order = memcmp(entry->name, name, (size_t)shorter);
        if (order == 0) order = entry->length - length;
        if (order == 0) return entry;
        if (order < 0) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return NULL;
}

const winnow_NamedReference *winnow_namedReference(const xmlChar *name, const xmlChar *end, int inAttribute,
                                                   const xmlChar **referenceEnd) {
    const xmlChar *at = name;
    while (at < end && at - name <= winnow_longestName && winnow_isASCIIAlphanumeric(*at)) at++;
    const int length = (int)(at - name);
    if (length == 0) return NULL;
    if (at < end && *at == ';' && length <= winnow_longestName) {
        const winnow_NamedReference *entry = winnow_lookUpName(name, length);
        if (entry != NULL) {
            *referenceEnd = at + 1;
            return entry;
        }
    }
    /* Legacy names are 2 to 6 bytes. */
    for (int prefix = length < 6 ? length : 6; prefix >= 2; prefix--) {
        const winnow_NamedReference *entry = winnow_lookUpName(name, prefix);
        if (entry == NULL || !entry->legacy) continue;
        const xmlChar *after = name + prefix;
        if (inAttribute && after < end && (*after == '=' || winnow_isASCIIAlphanumeric(*after))) return NULL;
        *referenceEnd = after;
        return entry;
    }
    return NULL;
}
