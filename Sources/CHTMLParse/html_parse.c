/* libxml2's HTML parser run through SAX callbacks, after a scan that repairs what it would read other
 * than a browser (page_repairs.c), with shortcuts that pass over what the caller drops and tags
 * libxml2 ignores (ignored_tags.c). Everything here is checked against libxml2 2.9's HTMLparser.c;
 * see html_parse.h. */
#define _GNU_SOURCE
#include "html_parse.h"

#include "html_bytes.h"
#include "ignored_tags.h"
#include "page_repairs.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/// Parses UTF-8 HTML through `handler`'s callbacks only: no tree, no network, no error output, and the
/// page's own charset declarations ignored (the caller has already decoded it). Callbacks get the parser
/// as their context (`winnow_htmlUser` gives back `user`). A page libxml2 would read other than a
/// browser is repaired first, on a copy (`winnow_repairPage`). Returns -1 when nothing is parsed (an
/// empty page, or one the repairs empty, or no memory for the copy, or a copy past INT_MAX bytes), 0
/// otherwise: recover mode parses any bytes to the end.
int winnow_htmlParseSAX(const char *bytes, int length, const void *handler, void *user, int shortcuts) {
    xmlChar *repaired = NULL;
    if (winnow_repairPage((const xmlChar *)bytes, length, NULL) > 0) {
        const size_t growth = winnow_repairGrowth((const xmlChar *)bytes, length);
        if (growth > (size_t)(INT_MAX - length)) return -1;
        repaired = malloc((size_t)length + growth);
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
    winnow_Parse parse = {.user = user, .resume = -1};
    if (shortcuts) winnow_takeIgnoredTagShortcuts(context->sax, &parse);
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
    const int length = winnow_readLowerName(at, end, (xmlChar *)name, 99);
    if (length < 0) return 0;
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
