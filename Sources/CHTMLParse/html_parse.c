/* libxml2's HTML parser run through SAX callbacks, a bound on the attributes of a tag, and two shortcuts
 * that pass over what the caller drops.
 * Everything here is checked against libxml2 2.9's HTMLparser.c; see html_parse.h. */
#define _GNU_SOURCE
#include "html_parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

/* At most this many attributes of one start tag reach libxml2: its check for a repeated attribute
 * compares each with every one before it (a tag of 80,000 attributes took 6 s). */
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

/* Reads the start tag whose name begins at `at` as libxml2 2.9's htmlParseStartTag reads names and
 * values, and blanks (in `blank`, at the same offsets from `page`) its attributes past
 * `winnow_maxAttributes`. Returns where the tag ends; `*excess` is set when it has too many, and
 * `*rawTextName` to the length of its name when its element's text is raw (script, style). */
static const xmlChar *winnow_readStartTag(const xmlChar *at, const xmlChar *page, const xmlChar *end, xmlChar *blank,
                                          int *excess, int *rawTextName) {
    const xmlChar *name = at;
    while (at < end && winnow_isHTMLNameByte(*at)) at++;
    const int nameLength = (int)(at - name);
    const xmlChar *cut = NULL;
    /* libxml2 reads a name of over 100 bytes as several: the element's, then attributes'. */
    long count = nameLength > 100 ? (nameLength - 1) / 100 : 0;
    for (;;) {
        while (at < end && winnow_isHTMLBlank(*at)) at++;
        if (at >= end || *at == '>' || (*at == '/' && at + 1 < end && at[1] == '>')) break;
        if (!(winnow_byteClasses[*at] & winnow_nameStart)) {
            /* Not a name: libxml2 passes over it to a blank or the tag's end. */
            while (at < end && !winnow_isHTMLBlank(*at) && *at != '>' && !(*at == '/' && at + 1 < end && at[1] == '>')) at++;
            continue;
        }
        const xmlChar *attribute = at;
        while (at < end && winnow_isHTMLNameByte(*at)) at++;
        count += (at - attribute + 99) / 100;
        if (cut == NULL && count > winnow_maxAttributes) cut = attribute;
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
    if (cut != NULL) {
        *excess = 1;
        if (blank != NULL) memset(blank + (cut - page), ' ', (size_t)(at - cut));
    }
    const int raw = at < end && *at == '>'
                    && ((nameLength == 6 && xmlStrncasecmp(name, BAD_CAST "script", 6) == 0)
                        || (nameLength == 5 && xmlStrncasecmp(name, BAD_CAST "style", 5) == 0));
    *rawTextName = raw ? nameLength : 0;
    return at;
}

/* Finds the start tags of more than `winnow_maxAttributes` attributes, reading the page as libxml2 2.9
 * does (tags, comments, script and style text up to their end tags); with `blank`, a copy of the page,
 * blanks the extra attributes there. Returns the number of such tags (with no `blank`: 0 or 1). */
static int winnow_blankExcessAttributes(const xmlChar *page, int length, xmlChar *blank) {
    const xmlChar *at = page, *end = page + length;
    int tags = 0;
    while (at < end) {
        const xmlChar *open = memchr(at, '<', (size_t)(end - at));
        if (open == NULL || open + 1 >= end) break;
        const xmlChar next = open[1];
        if (winnow_byteClasses[next] & winnow_nameStart) {
            int excess = 0, rawTextName = 0;
            at = winnow_readStartTag(open + 1, page, end, blank, &excess, &rawTextName);
            if (excess) {
                tags++;
                if (blank == NULL) return tags;
            }
            if (rawTextName > 0) {
                /* Raw text ends at "</" and the element's name, in any case (htmlParseScript). */
                while (at < end && !winnow_isEndTag(at, end, open + 1, rawTextName, 0)) {
                    const xmlChar *lt = at + 1 < end ? memchr(at + 1, '<', (size_t)(end - at - 1)) : NULL;
                    at = lt == NULL ? end : lt;
                }
            }
        } else if (next == '!' && end - open >= 4 && open[2] == '-' && open[3] == '-') {
            /* A comment ends at "-->" or "--!>". */
            const xmlChar *close = winnow_find(open + 4, end, "--", 2);
            while (close < end && !(end - close >= 3 && close[2] == '>') && !(end - close >= 4 && close[2] == '!' && close[3] == '>')) {
                close = winnow_find(close + 1, end, "--", 2);
            }
            at = close;
        } else {
            at = open + 1;
        }
    }
    return tags;
}

/// Parses UTF-8 HTML through `handler`'s callbacks only: no tree, no network, no error output, and the
/// page's own charset declarations ignored (the caller has already decoded it). Callbacks get the parser
/// as their context (`winnow_htmlUser` gives back `user`). Attributes of a start tag past the 256th are
/// blanked first. Returns -1 when libxml2 cannot make a parser (empty input), 0 otherwise: recover mode
/// parses any bytes to the end.
int winnow_htmlParseSAX(const char *bytes, int length, const void *handler, void *user) {
    xmlChar *capped = NULL;
    if (winnow_blankExcessAttributes((const xmlChar *)bytes, length, NULL) > 0) {
        capped = malloc((size_t)length);
        if (capped == NULL) return -1;
        memcpy(capped, bytes, (size_t)length);
        winnow_blankExcessAttributes((const xmlChar *)bytes, length, capped);
        bytes = (const char *)capped;
    }
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(bytes, length);
    free(capped);
    if (context == NULL) return -1;
    memcpy(context->sax, handler, sizeof(htmlSAXHandler));
    context->userData = context;
    context->_private = user;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(context);
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    htmlFreeParserCtxt(context);
    return 0;
}

/// Whether `winnow_htmlSkipRawText` can act: the run-time libxml2 is a 2.9 release, whose
/// `htmlParseScript` it was written against (later releases parse script and style text differently).
int winnow_htmlCanSkipRawText(void) {
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
 * and parses on from there (text, then "</svg") as it would have. Anything else is left to libxml2. */
void winnow_htmlSkipSVG(void *parser) {
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
    /* The first "</svg" that no name byte follows: where htmlParseEndTag closes the drawing. */
    const xmlChar *close = winnow_findEndTag(start, end, context->name, 1);
    if (close == NULL) return;
    /* A NUL byte ends libxml2's content loop as if the input ended there. */
    if (close == start || memchr(start, 0, (size_t)(close - start)) != NULL) return;
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
            if (at >= close || !((*at | 0x20) >= 'a' && (*at | 0x20) <= 'z')) return;
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
        if (at >= close || !((*at | 0x20) >= 'a' && (*at | 0x20) <= 'z')) return;
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
            if (!((*at | 0x20) >= 'a' && (*at | 0x20) <= 'z') && *at != '_' && *at != ':' && *at != '.') return;
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
    /* The last '>' before the end tag: only text (dropped with the drawing) lies between them. */
    const xmlChar *last = close - 1;
    while (last > input->cur && *last != '>') last--;
    input->cur = last;
#else
    (void)parser;
#endif
}
