/* libxml2's HTML parser run through SAX callbacks, after a scan that repairs what it would read other
 * than a browser, and shortcuts that pass over what the caller drops and tags libxml2 ignores.
 * Everything here is checked against libxml2 2.9's HTMLparser.c; see html_parse.h. */
#define _GNU_SOURCE
#include "html_parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* At most this many attributes of one start tag reach libxml2: its check for a repeated attribute
 * compares each with every one before it (a tag of 80,000 attributes took 9 s). */
enum { winnow_maxAttributes = 256 };

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

static int winnow_isHTMLNameByte(xmlChar c) {
    return winnow_byteClasses[c] & winnow_nameByte;
}

static int winnow_isHTMLBlank(xmlChar c) {
    return winnow_byteClasses[c] & winnow_blank;
}

static int winnow_isASCIILetter(xmlChar c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether `c` can start a name as htmlParseName reads it (a processing instruction's target): an ASCII
 * letter, '_', ':', or a byte of a multi-byte character (which the parser reads on from). */
static int winnow_startsXMLName(xmlChar c) {
    return winnow_isASCIILetter(c) || c == '_' || c == ':' || c >= 0x80;
}

/* Whether `at` (before `end`) starts the end tag of element `name` (`length` bytes): "</" and the name
 * in any case, as htmlParseScript tests it; with `wholeName`, only where no name byte follows, as
 * htmlParseEndTag reads it. */
static int winnow_isEndTag(const xmlChar *at, const xmlChar *end, const xmlChar *name, int length, int wholeName) {
    return end - at >= length + 2 && at[0] == '<' && at[1] == '/' && xmlStrncasecmp(name, at + 2, length) == 0
           && (!wholeName || end - at == length + 2 || !winnow_isHTMLNameByte(at[2 + length]));
}

/* The first `needle` (`count` bytes) at or after `from`, or `end`. */
static const xmlChar *winnow_find(const xmlChar *from, const xmlChar *end, const char *needle, size_t count) {
    const void *found = from < end ? memmem(from, (size_t)(end - from), needle, count) : NULL;
    return found == NULL ? end : found;
}

/* A repaired copy of a page being written: the page's bytes before `copied` are in `out` (`count`). */
typedef struct {
    xmlChar *out;
    size_t count;
    const xmlChar *copied;
} winnow_RepairedCopy;

/* In the copy, the page's bytes [from, to) become `with` (`length` bytes, at most as many). */
static void winnow_replace(winnow_RepairedCopy *copy, const xmlChar *from, const xmlChar *to, const char *with, size_t length) {
    memcpy(copy->out + copy->count, copy->copied, (size_t)(from - copy->copied));
    copy->count += (size_t)(from - copy->copied);
    memcpy(copy->out + copy->count, with, length);
    copy->count += length;
    copy->copied = to;
}

/* The repairs a scan finds, and the copy they are written to (NULL: only counting, to the first). */
typedef struct {
    winnow_RepairedCopy *copy;
    int count;
} winnow_Repairs;

/* Records that the page's bytes [from, to) become `with`; returns 0 when only counting (the scan stops). */
static int winnow_repair(winnow_Repairs *repairs, const xmlChar *from, const xmlChar *to, const char *with, size_t length) {
    repairs->count++;
    if (repairs->copy == NULL) return 0;
    winnow_replace(repairs->copy, from, to, with, length);
    return 1;
}

/* Reads the start tag whose name begins at `at` as a browser reads it (an attribute's name runs to a
 * blank, '/', '>' or '='; its value is quoted, or runs to a blank or '>'), and repairs what libxml2 2.9's
 * htmlParseStartTag would read otherwise:
 * - a byte its names cannot hold, in the tag's name or an attribute's ("@click", "(click)", "[value]"),
 *   becomes '_' (libxml2 dumps such an attribute to the next blank, which may lie inside its value, and
 *   then ends the tag at a '>' in the value);
 * - a '/' that does not end the tag becomes a blank (libxml2 dumps it with what follows: "<div/id=a>");
 * - attributes past `winnow_maxAttributes` are dropped (libxml2 compares each attribute with every one
 *   before it).
 * Returns where the tag ends (its '>', the '/' of "/>", or `end`), or NULL when only counting and a
 * repair was found; `*rawTextName` is the length of the tag's name when its element's text is raw. */
static const xmlChar *winnow_readStartTag(const xmlChar *at, const xmlChar *end, winnow_Repairs *repairs, int *rawTextName) {
    const xmlChar *name = at;
    /* A tag's name runs to a blank, '/' or '>' ("<y!=\">" is the tag "y!=\""), where libxml2 would read
     * what follows its name bytes as an attribute. */
    while (at < end && !winnow_isHTMLBlank(*at) && *at != '/' && *at != '>') {
        if (!winnow_isHTMLNameByte(*at) && !winnow_repair(repairs, at, at + 1, "_", 1)) return NULL;
        at++;
    }
    const int nameLength = (int)(at - name);
    const xmlChar *cut = NULL;
    /* libxml2 reads a name of over 100 bytes as several: the element's, then attributes'. */
    long count = nameLength > 100 ? (nameLength - 1) / 100 : 0;
    for (;;) {
        while (at < end && winnow_isHTMLBlank(*at)) at++;
        if (at >= end || *at == '>' || (*at == '/' && at + 1 < end && at[1] == '>')) break;
        if (*at == '/') {
            if (cut == NULL && !winnow_repair(repairs, at, at + 1, " ", 1)) return NULL;
            at++;
            continue;
        }
        const xmlChar *attribute = at++;
        while (at < end && !winnow_isHTMLBlank(*at) && *at != '/' && *at != '>' && *at != '=') at++;
        count += (at - attribute + 99) / 100;
        if (cut == NULL && count > winnow_maxAttributes) cut = attribute;
        for (const xmlChar *byte = attribute; cut == NULL && byte < at; byte++) {
            if (byte == attribute ? (winnow_byteClasses[*byte] & winnow_nameStart) : winnow_isHTMLNameByte(*byte)) continue;
            if (!winnow_repair(repairs, byte, byte + 1, "_", 1)) return NULL;
        }
        while (at < end && winnow_isHTMLBlank(*at)) at++;
        if (at >= end || *at != '=') continue;
        at++;
        while (at < end && winnow_isHTMLBlank(*at)) at++;
        if (at < end && (*at == '"' || *at == '\'')) {
            const xmlChar *quote = at + 1 < end ? memchr(at + 1, *at, (size_t)(end - at - 1)) : NULL;
            at = quote == NULL ? end : quote + 1;
        } else {
            while (at < end && !winnow_isHTMLBlank(*at) && *at != '>') at++;
        }
    }
    if (cut != NULL && !winnow_repair(repairs, cut, at, "", 0)) return NULL;
    const int raw = at < end && *at == '>'
                    && ((nameLength == 6 && xmlStrncasecmp(name, BAD_CAST "script", 6) == 0)
                        || (nameLength == 5 && xmlStrncasecmp(name, BAD_CAST "style", 5) == 0));
    *rawTextName = raw ? nameLength : 0;
    return at;
}

/* Reads a script's or style's text from `text` to its end tag as libxml2 2.9 does, and returns where
 * that end tag starts (or `end`; NULL when only counting and a repair was found). The text ends at "</"
 * and the element's name in any case (htmlParseScript); an end tag that only starts so ("</scripts>")
 * is read, passed over to its '>', and the text goes on. Where the text starts or goes on with "</"
 * but not the element's own end tag, libxml2 reads that stray end tag and passes over everything to
 * the next '>', the element's own end tag included: the stray one's '<' becomes a blank. */
static const xmlChar *winnow_readRawText(const xmlChar *text, const xmlChar *end, const xmlChar *name, int length,
                                         winnow_Repairs *repairs) {
    const xmlChar *at = text;
    for (;;) {
        if (end - at >= 2 && at[0] == '<' && at[1] == '/' && !winnow_isEndTag(at, end, name, length, 1)) {
            if (!winnow_repair(repairs, at, at + 1, " ", 1)) return NULL;
        }
        while (at < end && !winnow_isEndTag(at, end, name, length, 0)) {
            const xmlChar *lt = at + 1 < end ? memchr(at + 1, '<', (size_t)(end - at - 1)) : NULL;
            at = lt == NULL ? end : lt;
        }
        if (at >= end || winnow_isEndTag(at, end, name, length, 1)) return at;
        const xmlChar *close = memchr(at + 2, '>', (size_t)(end - at - 2));
        if (close == NULL) return end;
        at = close + 1;
    }
}

/* The end of a comment whose text starts at `from`: the first "-->" or "--!>", or `end`. */
static const xmlChar *winnow_commentEnd(const xmlChar *from, const xmlChar *end) {
    const xmlChar *close = winnow_find(from, end, "--", 2);
    while (close < end && !(end - close >= 3 && close[2] == '>') && !(end - close >= 4 && close[2] == '!' && close[3] == '>')) {
        close = winnow_find(close + 1, end, "--", 2);
    }
    return close;
}

/* The '>' that ends a browser's bogus comment starting at `from`, or NULL when a '<' or the page's end
 * comes first: such a comment is left to libxml2, as one that runs through markup (`<title>x <! y</title>`)
 * is likelier text than a comment. */
static const xmlChar *winnow_bogusCommentEnd(const xmlChar *from, const xmlChar *end) {
    while (from < end && *from != '>' && *from != '<') from++;
    return from < end && *from == '>' ? from : NULL;
}

/* Finds, reading the page as libxml2 2.9 does (tags, comments, script and style text up to their end
 * tags), what it would parse other than a browser in a way that loses or adds text, and with `copy`
 * writes the page repaired there:
 * - start tags as `winnow_readStartTag` repairs them, and raw text as `winnow_readRawText` does;
 * - "<!-->" and "<!--->", empty comments to a browser, are dropped (libxml2 reads on to the next "-->");
 * - "<!" not starting a comment or a doctype, "<?" not followed by a name and "</" not followed by one
 *   are dropped to their '>', as a browser's bogus comments (libxml2 writes them as text: Word's
 *   "<![if !supportLists]>", a stray "<![CDATA[").
 * Returns the number of repairs (with no copy: 0 or 1). */
static int winnow_repairPage(const xmlChar *page, int length, winnow_RepairedCopy *copy) {
    winnow_Repairs repairs = {copy, 0};
    const xmlChar *at = page, *end = page + length;
    while (at < end) {
        const xmlChar *open = memchr(at, '<', (size_t)(end - at));
        if (open == NULL || open + 2 >= end) break;
        const xmlChar next = open[1];
        /* A construct [open, dropped) a browser reads as nothing. */
        const xmlChar *dropped = NULL;
        if (winnow_isASCIILetter(next)) {
            int rawTextName = 0;
            at = winnow_readStartTag(open + 1, end, &repairs, &rawTextName);
            if (at != NULL && rawTextName > 0) at = winnow_readRawText(at + 1, end, open + 1, rawTextName, &repairs);
            if (at == NULL) return repairs.count;
            continue;
        }
        if (next == '/' && (winnow_byteClasses[open[2]] & winnow_nameStart)) {
            /* An end tag: libxml2 passes over everything after its name to the next '>'. */
            const xmlChar *close = memchr(open + 2, '>', (size_t)(end - open - 2));
            at = close == NULL ? end : close + 1;
            continue;
        }
        if (next == '!' && open[2] == '-' && end - open >= 4 && open[3] == '-') {
            const xmlChar *text = open + 4;
            if (text < end && *text == '>') {
                dropped = text + 1;
            } else if (end - text >= 2 && text[0] == '-' && text[1] == '>') {
                dropped = text + 2;
            } else {
                at = winnow_commentEnd(text, end);
                continue;
            }
        } else if (next == '!' && end - open >= 9 && xmlStrncasecmp(open + 2, BAD_CAST "doctype", 7) == 0) {
            /* A browser ends a doctype at its first '>'; libxml2 reads a quoted identifier on to its quote. */
            const xmlChar *close = memchr(open + 9, '>', (size_t)(end - open - 9));
            xmlChar quote = 0;
            for (const xmlChar *byte = open + 9; close != NULL && byte < close; byte++) {
                if (*byte == '"' || *byte == '\'') quote = quote == 0 ? *byte : quote == *byte ? 0 : quote;
            }
            if (quote == 0) {
                /* Both end it at that '>' (or read it to the page's end). */
                at = close == NULL ? end : close + 1;
                continue;
            }
            dropped = close + 1;
        } else if (next == '?' && winnow_startsXMLName(open[2])) {
            /* A processing instruction: libxml2, like a browser, reads it to the first '>'. */
            const xmlChar *close = memchr(open + 2, '>', (size_t)(end - open - 2));
            at = close == NULL ? end : close + 1;
            continue;
        } else if (next == '!' || next == '?' || next == '/') {
            const xmlChar *close = winnow_bogusCommentEnd(open + 2, end);
            if (close != NULL) dropped = close + 1;
        }
        if (dropped == NULL) {
            at = open + 1;
            continue;
        }
        if (!winnow_repair(&repairs, open, dropped, "", 0)) return repairs.count;
        at = dropped;
    }
    return repairs.count;
}

/* Past this many open elements, the callbacks below look at the tags that follow. libxml2 2.9's
 * htmlParseEndTag looks an end tag's name up through the whole stack of open elements, and
 * htmlAutoCloseOnClose again when it is there; htmlParseStartTag reads the whole stack for a body
 * start tag: a page that leaves thousands of elements open and ends others ("<b>x</i>" again and
 * again) took time growing with the square of its length. */
enum { winnow_deepStack = 64 };

/* htmlGetEndPriority's table as levels: an end tag closes nothing that lies under an open element of a
 * higher level (0 for every element the table does not name). */
enum { winnow_endLevels = 8 };

static int winnow_endLevel(const xmlChar *name, int length) {
    switch (length) {
    case 2:
        if (name[0] == 't' && (name[1] == 'd' || name[1] == 'h')) return 2;
        return name[0] == 't' && name[1] == 'r' ? 3 : 0;
    case 3: return memcmp(name, "div", 3) == 0 ? 1 : 0;
    case 4:
        if (memcmp(name, "head", 4) == 0 || memcmp(name, "body", 4) == 0) return 6;
        return memcmp(name, "html", 4) == 0 ? 7 : 0;
    case 5:
        if (memcmp(name, "thead", 5) == 0 || memcmp(name, "tbody", 5) == 0 || memcmp(name, "tfoot", 5) == 0) return 4;
        return memcmp(name, "table", 5) == 0 ? 5 : 0;
    default: return 0;
    }
}

/* An element name met on the stack, and the topmost open element of that name (-1: none). */
typedef struct {
    const xmlChar *name;
    int length;
    int top;
} winnow_NameSlot;

/* A copy of libxml2's stack of open elements (`nameTab`) kept so that an end tag is looked up at once:
 * entries [0, synced) are copied, and none under `lowWater` has been popped since. For each entry, its
 * name's slot, the entry under it of the same name, and of the same level. */
typedef struct {
    int synced, lowWater, capacity;
    int *slotOf, *belowSame, *belowLevel;
    unsigned char *levelOf;
    int levelTop[winnow_endLevels];
    winnow_NameSlot *slots;
    int slotCapacity, slotCount;
    int failed;
} winnow_OpenElements;

static unsigned winnow_nameHash(const xmlChar *name, int length) {
    unsigned hash = 2166136261u;
    for (int index = 0; index < length; index++) hash = (hash ^ name[index]) * 16777619u;
    return hash;
}

/* The slot of a name (lower case, as libxml2 holds names), entered with `name` when `enter`; -1 when
 * absent and not entered, or when there is no memory. */
static int winnow_nameSlot(winnow_OpenElements *open, const xmlChar *name, int length, int enter) {
    if (open->slotCapacity == 0 || (enter && 2 * (open->slotCount + 1) > open->slotCapacity)) {
        if (!enter) return -1;
        const int capacity = open->slotCapacity == 0 ? 64 : 2 * open->slotCapacity;
        winnow_NameSlot *slots = calloc((size_t)capacity, sizeof *slots);
        if (slots == NULL) return -1;
        for (int index = 0; index < open->slotCapacity; index++) {
            const winnow_NameSlot old = open->slots[index];
            if (old.name == NULL) continue;
            unsigned at = winnow_nameHash(old.name, old.length) & (unsigned)(capacity - 1);
            while (slots[at].name != NULL) at = (at + 1) & (unsigned)(capacity - 1);
            slots[at] = old;
        }
        /* Entries name their slots: the copy is rebuilt from the stack at the next sync. */
        free(open->slots);
        open->slots = slots;
        open->slotCapacity = capacity;
        for (int level = 0; level < winnow_endLevels; level++) open->levelTop[level] = -1;
        for (int index = 0; index < capacity; index++) open->slots[index].top = -1;
        open->synced = 0;
    }
    unsigned at = winnow_nameHash(name, length) & (unsigned)(open->slotCapacity - 1);
    for (;;) {
        winnow_NameSlot *slot = &open->slots[at];
        if (slot->name == NULL) break;
        if (slot->length == length && memcmp(slot->name, name, (size_t)length) == 0) return (int)at;
        at = (at + 1) & (unsigned)(open->slotCapacity - 1);
    }
    if (!enter) return -1;
    open->slots[at] = (winnow_NameSlot){name, length, -1};
    open->slotCount++;
    return (int)at;
}

/* Brings the copy up to the stack's first `count` entries; 0 when there is no memory for it. */
static int winnow_syncOpenElements(winnow_OpenElements *open, const xmlChar **names, int count) {
    int keep = open->synced < open->lowWater ? open->synced : open->lowWater;
    if (keep > count) keep = count;
    for (int entry = open->synced - 1; entry >= keep; entry--) {
        open->slots[open->slotOf[entry]].top = open->belowSame[entry];
        if (open->levelOf[entry] != 0) open->levelTop[open->levelOf[entry]] = open->belowLevel[entry];
    }
    open->synced = keep;
    if (count > open->capacity) {
        const int capacity = count > 2 * open->capacity ? count : 2 * open->capacity;
        int *slotOf = realloc(open->slotOf, (size_t)capacity * sizeof(int));
        if (slotOf != NULL) open->slotOf = slotOf;
        int *belowSame = realloc(open->belowSame, (size_t)capacity * sizeof(int));
        if (belowSame != NULL) open->belowSame = belowSame;
        int *belowLevel = realloc(open->belowLevel, (size_t)capacity * sizeof(int));
        if (belowLevel != NULL) open->belowLevel = belowLevel;
        unsigned char *levelOf = realloc(open->levelOf, (size_t)capacity);
        if (levelOf != NULL) open->levelOf = levelOf;
        if (slotOf == NULL || belowSame == NULL || belowLevel == NULL || levelOf == NULL) return 0;
        open->capacity = capacity;
    }
    for (int entry = open->synced; entry < count; entry++) {
        const xmlChar *name = names[entry];
        const int length = xmlStrlen(name);
        const int slotCapacity = open->slotCapacity;
        const int slot = winnow_nameSlot(open, name, length, 1);
        if (slot < 0) return 0;
        /* The table grew and dropped the copy: start it again from the bottom. */
        if (open->slotCapacity != slotCapacity) return winnow_syncOpenElements(open, names, count);
        open->slotOf[entry] = slot;
        open->belowSame[entry] = open->slots[slot].top;
        open->slots[slot].top = entry;
        const int level = winnow_endLevel(name, length);
        open->levelOf[entry] = (unsigned char)level;
        if (level != 0) {
            open->belowLevel[entry] = open->levelTop[level];
            open->levelTop[level] = entry;
        }
    }
    open->synced = open->lowWater = count;
    return 1;
}

/* Whether `name` (`length` bytes, lower case) is html, body or head: libxml2 counts misplaced start tags
 * of those (`depth`) and takes an end tag of one off that count before anything else. */
static int winnow_isDocumentPart(const xmlChar *name, int length) {
    return length == 4 && (memcmp(name, "html", 4) == 0 || memcmp(name, "body", 4) == 0 || memcmp(name, "head", 4) == 0);
}

/* Whether htmlParseEndTag, with the stack as the copy holds it, reads the end tag of `name` and does
 * nothing: no element of that name is open, or (but with `strayOnly`) one of a higher level lies above
 * the topmost that is. */
static int winnow_ignoresEndTag(winnow_OpenElements *open, const xmlChar *name, int length, int strayOnly) {
    const int slot = winnow_nameSlot(open, name, length, 0);
    const int top = slot < 0 ? -1 : open->slots[slot].top;
    if (top < 0) return 1;
    if (strayOnly) return 0;
    for (int level = winnow_endLevel(name, length) + 1; level < winnow_endLevels; level++) {
        if (open->levelTop[level] > top) return 1;
    }
    return 0;
}

/* Reads the end tag at `at` as htmlParseEndTag does: "</", a name (lower-cased into `name`, 100 bytes,
 * `length`), everything to the next '>'. Returns where it ends (past its '>'), or NULL when `at` holds
 * none, or one libxml2 reads otherwise: a longer name, or a NUL or the input's end before the '>'. */
static const xmlChar *winnow_readEndTag(const xmlChar *at, const xmlChar *end, xmlChar *name, int *length) {
    if (end - at < 3 || at[0] != '<' || at[1] != '/' || !(winnow_byteClasses[at[2]] & winnow_nameStart)) return NULL;
    *length = 0;
    const xmlChar *byte = at + 2;
    for (; byte < end && winnow_isHTMLNameByte(*byte); byte++) {
        if (*length == 100) return NULL;
        name[(*length)++] = (*byte >= 'A' && *byte <= 'Z') ? (xmlChar)(*byte + 0x20) : *byte;
    }
    while (byte < end && *byte != '>' && *byte != 0) byte++;
    return byte < end && *byte == '>' ? byte + 1 : NULL;
}

/* Where a start tag of body from `at` on ends (past its '>') when htmlParseStartTag would read it and
 * do nothing but count it as misplaced (`bodies`: the body elements open, each counted), or NULL. Such
 * a tag made libxml2 read the whole stack. Left to libxml2: a tag ended by "/>" (which pops the
 * innermost element), and one that comes when the innermost element is one that body closes or a void
 * element. */
static const xmlChar *winnow_misplacedBodyEnd(htmlParserCtxtPtr context, winnow_OpenElements *open, const xmlChar *at,
                                              const xmlChar *end, int *bodies) {
    if (end - at < 6 || xmlStrncasecmp(at + 1, BAD_CAST "body", 4) != 0 || winnow_isHTMLNameByte(at[5])) return NULL;
    const int slot = winnow_nameSlot(open, BAD_CAST "body", 4, 0);
    *bodies = 0;
    for (int entry = slot < 0 ? -1 : open->slots[slot].top; entry >= 0; entry = open->belowSame[entry]) (*bodies)++;
    if (*bodies == 0 || open->synced == 0) return NULL;
    const xmlChar *innermost = context->nameTab[open->synced - 1];
    static const char *const closedByBody[] = {"head", "link", "p", "style", "title"};
    for (size_t index = 0; index < sizeof closedByBody / sizeof *closedByBody; index++) {
        if (xmlStrEqual(innermost, BAD_CAST closedByBody[index])) return NULL;
    }
    const htmlElemDesc *description = htmlTagLookup(innermost);
    if (description != NULL && description->empty) return NULL;
    winnow_Repairs counting = {NULL, 0};
    int rawTextName = 0;
    const xmlChar *close = winnow_readStartTag(at + 1, end, &counting, &rawTextName);
    /* libxml2 ends the parse at a NUL, which the caller's pages do not hold. */
    if (close == NULL || close >= end || *close != '>' || memchr(at, 0, (size_t)(close - at)) != NULL) return NULL;
    return close + 1;
}

/* Where the input goes on after the tags from `at` on that libxml2 would read and ignore: end tags,
 * after each of which it passes over everything to the next '>' (htmlParseEndTag, recover mode), and
 * misplaced body start tags. An end tag of html, body or head while misplaced ones are counted takes
 * one off the count, as libxml2 does. With `strayOnly`, only end tags of elements not open at all are
 * passed over. */
static const xmlChar *winnow_passIgnoredEndTags(htmlParserCtxtPtr context, winnow_OpenElements *open, const xmlChar *at,
                                                const xmlChar *end, int strayOnly) {
    for (;;) {
        if (end - at < 3 || at[0] != '<') return at;
        if (at[1] != '/') {
            int bodies = 0;
            const xmlChar *after = strayOnly ? NULL : winnow_misplacedBodyEnd(context, open, at, end, &bodies);
            if (after == NULL) return at;
            context->depth += bodies;
            at = after;
            continue;
        }
        xmlChar name[100];
        int length = 0;
        const xmlChar *after = winnow_readEndTag(at, end, name, &length);
        if (after == NULL) return at;
        if (winnow_isDocumentPart(name, length) && context->depth > 0) {
            context->depth--;
        } else if (!winnow_ignoresEndTag(open, name, length, strayOnly)) {
            return at;
        }
        at = after;
    }
}

/* Whether the input's position is in a start tag of `name`: the last '<' before it starts "<" and the
 * name. A callback for `name` there is the tag's own, not one for an element libxml2 opens on its own
 * while it reads another tag (an implied body, whose callback comes right after that tag's name). */
static int winnow_inStartTagOf(const xmlParserInputPtr input, const xmlChar *name) {
    const xmlChar *open = input->cur;
    while (open > input->base && *open != '<') open--;
    const int length = xmlStrlen(name);
    return *open == '<' && input->cur - open > length && xmlStrncasecmp(open + 1, name, length) == 0
           && !winnow_isHTMLNameByte(open[1 + length]);
}

/* What a parse keeps besides the caller's state: `user` first (`winnow_htmlUser` reads it there), the
 * caller's callbacks that the ones below wrap, and the copy of the stack. */
typedef struct {
    void *user;
    startElementSAXFunc startElement;
    endElementSAXFunc endElement;
    charactersSAXFunc characters;
    ignorableWhitespaceSAXFunc ignorableWhitespace;
    commentSAXFunc comment;
    processingInstructionSAXFunc processingInstruction;
    winnow_OpenElements open;
    /* Where libxml2 reads on after the last callback but an endElement in the middle of a tag's pops
     * (NULL: not known): the tag whose pops come next starts there. */
    const xmlChar *resume;
} winnow_Parse;

/* With more than `winnow_deepStack` of the stack's first `count` elements open, where the input goes
 * on from `at` past the end tags libxml2 would ignore. */
static const xmlChar *winnow_afterIgnoredEndTags(htmlParserCtxtPtr context, int count, const xmlChar *at, int strayOnly) {
    winnow_Parse *parse = context->_private;
    xmlParserInputPtr input = context->input;
    if (count <= winnow_deepStack || parse->open.failed || input == NULL || context->instate == XML_PARSER_EOF
        || input->end - at < 3 || at[0] != '<' || (at[1] != '/' && (at[1] | 0x20) != 'b')) {
        return at;
    }
    if (!winnow_syncOpenElements(&parse->open, context->nameTab, count)) {
        parse->open.failed = 1;
        return at;
    }
    return winnow_passIgnoredEndTags(context, &parse->open, at, input->end, strayOnly);
}

/* Where the content loop reads on at the input's position once the callback returns: after text (but
 * a "<" it writes as text before moving past it), a comment and a processing instruction. */
static void winnow_passIgnoredEndTagsHere(htmlParserCtxtPtr context) {
    winnow_Parse *parse = context->_private;
    if (context->input == NULL) return;
    context->input->cur = winnow_afterIgnoredEndTags(context, context->nameNr, context->input->cur, 0);
    parse->resume = context->input->cur;
}

static void winnow_characters(void *parser, const xmlChar *text, int length) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->characters != NULL) parse->characters(parser, text, length);
    if (!(length == 1 && text[0] == '<')) {
        winnow_passIgnoredEndTagsHere(context);
    } else {
        parse->resume = NULL;
    }
}

static void winnow_ignorableWhitespace(void *parser, const xmlChar *text, int length) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->ignorableWhitespace != NULL) parse->ignorableWhitespace(parser, text, length);
    winnow_passIgnoredEndTagsHere(context);
}

static void winnow_comment(void *parser, const xmlChar *text) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->comment != NULL) parse->comment(parser, text);
    winnow_passIgnoredEndTagsHere(context);
}

static void winnow_processingInstruction(void *parser, const xmlChar *target, const xmlChar *data) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->processingInstruction != NULL) parse->processingInstruction(parser, target, data);
    winnow_passIgnoredEndTagsHere(context);
}

/* A start tag's callback comes at its '>' (or "/>"), which libxml2 then moves past: the input is left
 * at the last ignored end tag's '>' instead. Script and style text is not markup. */
static void winnow_startElement(void *parser, const xmlChar *name, const xmlChar **attributes) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->startElement != NULL) parse->startElement(parser, name, attributes);
    xmlParserInputPtr input = context->input;
    if (input == NULL || name == NULL || input->cur >= input->end) return;
    const int selfClosed = input->cur[0] == '/' && input->end - input->cur >= 2 && input->cur[1] == '>';
    parse->resume = input->cur[0] == '>' ? input->cur + 1 : selfClosed ? input->cur + 2 : NULL;
    if (context->nameNr <= winnow_deepStack || input->cur[0] != '>' || input->end - input->cur < 4 || input->cur[1] != '<'
        || xmlStrEqual(name, BAD_CAST "script") || xmlStrEqual(name, BAD_CAST "style") || !winnow_inStartTagOf(input, name)) {
        return;
    }
    const xmlChar *after = winnow_afterIgnoredEndTags(context, context->nameNr, input->cur + 1, 0);
    if (after != input->cur + 1) {
        input->cur = after - 1;
        parse->resume = after;
    }
}

/* Every pop from the stack comes right after an endElement callback: the copy's entries from there up
 * are no longer known to hold. The pop of the element whose tag was read since the last other callback
 * (a void element's, "/>", an end tag's own element) is the last before the content loop reads on;
 * after another (an end tag closing what lies above its element), only end tags of elements not open at
 * all are passed over, as the pops go on. */
static void winnow_endElement(void *parser, const xmlChar *name) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    const int popped = context->nameNr > 0 ? context->nameNr - 1 : 0;
    if (popped < parse->open.lowWater) parse->open.lowWater = popped;
    if (parse->endElement != NULL) parse->endElement(parser, name);
    xmlParserInputPtr input = context->input;
    if (input == NULL || name == NULL) return;
    int last = 0;
    if (parse->resume == input->cur) {
        last = 1;
    } else if (parse->resume != NULL) {
        xmlChar tag[100];
        int length = 0;
        const int nameLength = xmlStrlen(name);
        last = winnow_readEndTag(parse->resume, input->end, tag, &length) == input->cur && length == nameLength
               && memcmp(tag, name, (size_t)length) == 0;
    }
    input->cur = winnow_afterIgnoredEndTags(context, popped, input->cur, !last);
    if (last) parse->resume = input->cur;
}

static void winnow_freeOpenElements(winnow_OpenElements *open) {
    free(open->slotOf);
    free(open->belowSame);
    free(open->belowLevel);
    free(open->levelOf);
    free(open->slots);
}

/// Parses UTF-8 HTML through `handler`'s callbacks only: no tree, no network, no error output, and the
/// page's own charset declarations ignored (the caller has already decoded it). Callbacks get the parser
/// as their context (`winnow_htmlUser` gives back `user`). A page libxml2 would read other than a
/// browser is repaired first, on a copy (`winnow_repairPage`). Returns -1 when nothing is parsed (an
/// empty page, or one the repairs empty, or no memory for the copy), 0 otherwise: recover mode parses
/// any bytes to the end.
int winnow_htmlParseSAX(const char *bytes, int length, const void *handler, void *user, int shortcuts) {
    xmlChar *repaired = NULL;
    if (winnow_repairPage((const xmlChar *)bytes, length, NULL) > 0) {
        repaired = malloc((size_t)length);
        if (repaired == NULL) return -1;
        winnow_RepairedCopy copy = {repaired, 0, (const xmlChar *)bytes};
        winnow_repairPage((const xmlChar *)bytes, length, &copy);
        winnow_replace(&copy, (const xmlChar *)bytes + length, (const xmlChar *)bytes + length, "", 0);
        bytes = (const char *)repaired;
        length = (int)copy.count;
    }
    if (length == 0) {
        free(repaired);
        return -1;
    }
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(bytes, length);
    free(repaired);
    if (context == NULL) return -1;
    memcpy(context->sax, handler, sizeof(htmlSAXHandler));
    winnow_Parse parse = {.user = user};
    if (shortcuts && winnow_htmlCanTakeShortcuts()) {
        htmlSAXHandlerPtr sax = context->sax;
        parse.startElement = sax->startElement;
        parse.endElement = sax->endElement;
        parse.characters = sax->characters;
        parse.ignorableWhitespace = sax->ignorableWhitespace;
        parse.comment = sax->comment;
        parse.processingInstruction = sax->processingInstruction;
        sax->comment = winnow_comment;
        sax->processingInstruction = winnow_processingInstruction;
        sax->startElement = winnow_startElement;
        sax->endElement = winnow_endElement;
        sax->characters = winnow_characters;
        sax->ignorableWhitespace = winnow_ignorableWhitespace;
    }
    context->userData = context;
    context->_private = &parse;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context);
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    htmlFreeParserCtxt(context);
    winnow_freeOpenElements(&parse.open);
    return 0;
}

/// From a characters callback that hands over "&": whether libxml2 read it as a lone ampersand, with
/// no name after it or a name and no ';' (htmlParseReference then hands the name over next), rather
/// than as a reference such as "&amp;" or "&#38;". The input is then just past the name it read.
int winnow_htmlLoneAmpersand(void *parser) {
    htmlParserCtxtPtr context = parser;
    xmlParserInputPtr input = context->input;
    if (input == NULL || input->cur <= input->base) return 0;
    const xmlChar *at = input->cur - 1;
    /* Back over the name (htmlParseName: letters, digits, '_', ':', '.', '-', multi-byte characters). */
    while (at > input->base && (winnow_isHTMLNameByte(*at) || *at >= 0x80)) at--;
    return *at == '&';
}

/// Whether the shortcuts can act: the run-time libxml2 is a 2.9 release, whose `htmlParseScript` and
/// `htmlParseEndTag` they were written against (later releases parse script text and end tags differently).
int winnow_htmlCanTakeShortcuts(void) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000
    return atoi(xmlParserVersion) / 100 == 209;
#else
    return 0;
#endif
}

#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000
/* Reads the name at `*at`, lower-cased, into `name` (101 bytes): the number of bytes, or 0 when it is
 * 100 or longer (htmlParseHTMLName would cut it) or reaches `end`. */
static int winnow_readHTMLName(const xmlChar **at, const xmlChar *end, char *name) {
    int length = 0;
    while (*at < end && winnow_isHTMLNameByte(**at)) {
        if (length == 99) return 0;
        xmlChar c = **at;
        name[length++] = (char)((c >= 'A' && c <= 'Z') ? c + 0x20 : c);
        (*at)++;
    }
    name[length] = 0;
    return *at < end ? length : 0;
}


/* The first end tag of `name` (as `winnow_isEndTag` tests it) at or after `from`, or NULL. */
static const xmlChar *winnow_findEndTag(const xmlChar *from, const xmlChar *end, const xmlChar *name, int wholeName) {
    const int length = xmlStrlen(name);
    while (from < end) {
        const xmlChar *open = memchr(from, '<', (size_t)(end - from));
        if (open == NULL) return NULL;
        if (winnow_isEndTag(open, end, name, length, wholeName)) return open;
        from = open + 1;
    }
    return NULL;
}
#endif

/// For a `cdataBlock` callback, which libxml2 2.9 makes only from `htmlParseScript`, every 1,000 bytes
/// of a script's or style's text, before moving past the character it last copied: moves the input on
/// so that the next character it reads starts the end tag `htmlParseScript` stops at ("</" and the
/// element's name, in any case), or is the end of the input. Text the caller discards is then found
/// with memchr, not read character by character; where the parse goes from there is unchanged. The
/// input must be valid UTF-8 (as `htmlParseScript` would otherwise change encoding mid-way).
void winnow_htmlSkipRawText(void *parser) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000
    htmlParserCtxtPtr context = parser;
    xmlParserInputPtr input = context->input;
    if (!context->recovery || context->token != 0 || context->instate == XML_PARSER_EOF || input == NULL
        || context->name == NULL) {
        return;
    }
    const xmlChar *current = input->cur, *end = input->end;
    if (current >= end) return;
    const xmlChar lead = *current;
    const int length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    /* At the end tag already: the callback that flushes the last text, after the loop. */
    if (length == 0 || end - current < length || winnow_isEndTag(current, end, context->name, xmlStrlen(context->name), 0)) {
        return;
    }
    const xmlChar *close = winnow_findEndTag(current + length, end, context->name, 0);
    const xmlChar *next = close == NULL ? end : close;
    input->cur = next - length;
#else
    (void)parser;
#endif
}

/* For the startElement callback of an `svg` element the caller drops whole: when the element's content,
 * up to the first "</svg", is plain markup that libxml2 2.9 parses without touching anything outside
 * it (start and end tags of non-HTML elements, or `title`, with names, quoted or bare attribute values
 * and text; no comment, script, style, nested svg, NUL, or end tag of an element opened before),
 * moves the input to the last '>' before that end tag: libxml2 takes it as the end of the start tag
 * and parses on from there (text, then "</svg") as it would have. Anything else is left to libxml2.
 * `drawingEnd` (-1 at first) keeps where the first "</svg" from an earlier drawing on lies in the input
 * (LONG_MAX: none follows): drawings left open one inside another look for it once, not each to it. */
void winnow_htmlSkipSVG(void *parser, long *drawingEnd) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000
    htmlParserCtxtPtr context = parser;
    xmlParserInputPtr input = context->input;
    if (context->instate == XML_PARSER_EOF || input == NULL || context->name == NULL
        || !xmlStrEqual(context->name, BAD_CAST "svg")) {
        return;
    }
    const xmlChar *end = input->end;
    if (input->cur >= end || *input->cur != '>') return;
    const xmlChar *start = input->cur + 1;
    /* The first "</svg" that no name byte follows: where htmlParseEndTag closes the drawing. Offsets in
     * the input count what libxml2 has already let go of (`consumed`). */
    if (*drawingEnd == LONG_MAX) return;
    const long startOffset = (long)input->consumed + (long)(start - input->base);
    const xmlChar *close = *drawingEnd >= startOffset ? input->base + (*drawingEnd - (long)input->consumed) : NULL;
    if (close == NULL || close >= end) {
        close = winnow_findEndTag(start, end, context->name, 1);
        *drawingEnd = close == NULL ? LONG_MAX : (long)input->consumed + (long)(close - input->base);
        if (close == NULL) return;
    }
    if (close == start) return;
    enum { maxDepth = 32 };
    char open[maxDepth][101];
    int depth = 0;
    char name[101];
    const xmlChar *at = start;
    while (at < close) {
        if (*at != '<') {
            const xmlChar *next = memchr(at, '<', (size_t)(close - at));
            at = next == NULL ? close : next;
            continue;
        }
        at++;
        if (at < close && *at == '/') {
            at++;
            if (at >= close || !winnow_isASCIILetter(*at)) return;
            if (winnow_readHTMLName(&at, close, name) == 0) return;
            while (at < close && winnow_isHTMLBlank(*at)) at++;
            if (at >= close || *at != '>') return;
            at++;
            int index = depth - 1;
            while (index >= 0 && strcmp(open[index], name) != 0) index--;
            if (index < 0) return;
            depth = index;
            continue;
        }
        if (at >= close || !winnow_isASCIILetter(*at)) return;
        if (winnow_readHTMLName(&at, close, name) == 0) return;
        if (strcmp(name, "svg") == 0 || (strcmp(name, "title") != 0 && htmlTagLookup(BAD_CAST name) != NULL)) return;
        for (;;) {
            while (at < close && winnow_isHTMLBlank(*at)) at++;
            if (at >= close) return;
            if (*at == '>') {
                at++;
                if (depth == maxDepth) return;
                memcpy(open[depth++], name, sizeof name);
                break;
            }
            if (*at == '/' && at + 1 < close && at[1] == '>') {
                at += 2;
                break;
            }
            char attribute[101];
            if (!(winnow_byteClasses[*at] & winnow_nameStart)) return;
            if (winnow_readHTMLName(&at, close, attribute) == 0) return;
            while (at < close && winnow_isHTMLBlank(*at)) at++;
            if (at >= close || *at != '=') continue;
            at++;
            while (at < close && winnow_isHTMLBlank(*at)) at++;
            if (at >= close) return;
            if (*at == '"' || *at == '\'') {
                const xmlChar *quote = memchr(at + 1, *at, (size_t)(close - (at + 1)));
                if (quote == NULL) return;
                at = quote + 1;
            } else {
                while (at < close && !winnow_isHTMLBlank(*at) && *at != '>') at++;
            }
        }
    }
    /* A NUL byte ends libxml2's content loop as if the input ended there. */
    if (memchr(start, 0, (size_t)(close - start)) != NULL) return;
    /* The last '>' before the end tag: only text (dropped with the drawing) lies between them. */
    const xmlChar *last = close - 1;
    while (last > input->cur && *last != '>') last--;
    input->cur = last;
#else
    (void)parser;
    (void)drawingEnd;
#endif
}
