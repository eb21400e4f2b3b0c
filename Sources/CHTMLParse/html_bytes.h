/* Bytes as libxml2 2.9's HTML parser classes them, and the small tests on them that the repairs, the
 * parse and its shortcuts share. */
#ifndef WINNOW_HTML_BYTES_H
#define WINNOW_HTML_BYTES_H

#include <libxml/xmlstring.h>
#include <string.h>

/* Bytes as libxml2 2.9's HTML parser classes them: in a name (htmlParseHTMLName), starting an attribute's
 * name, and blank. */
enum { winnow_nameByte = 1, winnow_nameStart = 2, winnow_blank = 4 };

static const unsigned char winnow_byteClasses[256] = {
    ['\t'] = winnow_blank, ['\n'] = winnow_blank, ['\r'] = winnow_blank, [' '] = winnow_blank,
    ['-'] = winnow_nameByte, ['0' ... '9'] = winnow_nameByte,
    ['.'] = winnow_nameByte | winnow_nameStart, [':'] = winnow_nameByte | winnow_nameStart,
    ['_'] = winnow_nameByte | winnow_nameStart, ['A' ... 'Z'] = winnow_nameByte | winnow_nameStart,
    ['a' ... 'z'] = winnow_nameByte | winnow_nameStart,
};

static inline int winnow_isHTMLNameByte(xmlChar c) {
    return winnow_byteClasses[c] & winnow_nameByte;
}

static inline int winnow_isHTMLBlank(xmlChar c) {
    return winnow_byteClasses[c] & winnow_blank;
}

static inline int winnow_isASCIILetter(xmlChar c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether `c` can start a name as htmlParseName reads it (a processing instruction's target): an ASCII
 * letter, '_', ':', or a byte of a multi-byte character (which the parser reads on from). */
static inline int winnow_startsXMLName(xmlChar c) {
    return winnow_isASCIILetter(c) || c == '_' || c == ':' || c >= 0x80;
}

/* Whether `at` (before `end`) starts the end tag of element `name` (`length` bytes): "</" and the name
 * in any case, as htmlParseScript tests it; with `wholeName`, only where no name byte follows, as
 * htmlParseEndTag reads it. */
static inline int winnow_isEndTag(const xmlChar *at, const xmlChar *end, const xmlChar *name, int length, int wholeName) {
    return end - at >= length + 2 && at[0] == '<' && at[1] == '/' && xmlStrncasecmp(name, at + 2, length) == 0
           && (!wholeName || end - at == length + 2 || !winnow_isHTMLNameByte(at[2 + length]));
}

/* The first `needle` (`count` bytes) at or after `from`, or `end`. */
static inline const xmlChar *winnow_find(const xmlChar *from, const xmlChar *end, const char *needle, size_t count) {
    const void *found = from < end ? memmem(from, (size_t)(end - from), needle, count) : NULL;
    return found == NULL ? end : found;
}

/* Reads the name at `*at` (the bytes of libxml2's names), lower-cased, into `name`, moving `*at` past
 * it: its length, or -1 when it runs past `capacity` bytes. */
static inline int winnow_readLowerName(const xmlChar **at, const xmlChar *end, xmlChar *name, int capacity) {
    int length = 0;
    for (; *at < end && winnow_isHTMLNameByte(**at); (*at)++) {
        if (length == capacity) return -1;
        name[length++] = (**at >= 'A' && **at <= 'Z') ? (xmlChar)(**at + 0x20) : **at;
    }
    return length;
}

#endif
