#ifndef WINNOW_CLIBXML2_SHIM_H
#define WINNOW_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers, whose types
 * clash with the copy of ICU inside Foundation. Winnow never touches the ICU members of
 * xmlCharEncodingHandler (it only passes the handler by pointer), so hide them from Swift. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 strict concurrency rejects; call it here.
static inline void winnow_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// The run-time library version ("20914" for 2.9.14); `xmlParserVersion` is a macro in threaded builds.
static inline const char *winnow_xmlParserVersion(void) {
    return xmlParserVersion;
}

/// Parses UTF-8 HTML through `handler`'s callbacks only: no tree, no network, no error output, and the
/// page's own charset declarations ignored (the caller has already decoded it). Callbacks get the parser
/// as their context (`winnow_htmlUser` gives back `user`). Returns -1 when libxml2 cannot make a parser
/// (empty input), 0 otherwise: recover mode parses any bytes to the end.
static inline int winnow_htmlParseSAX(const char *bytes, int length, const htmlSAXHandler *handler, void *user) {
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(bytes, length);
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

/// The `user` pointer given to `winnow_htmlParseSAX`, from a callback's context.
static inline void *winnow_htmlUser(void *parser) {
    return ((htmlParserCtxtPtr)parser)->_private;
}

/// Whether `winnow_htmlSkipRawText` can act: the run-time libxml2 is a 2.9 release, whose
/// `htmlParseScript` it was written against (later releases parse script and style text differently).
static inline int winnow_htmlCanSkipRawText(void) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000
    return atoi(xmlParserVersion) / 100 == 209;
#else
    return 0;
#endif
}

/// For a `cdataBlock` callback, which libxml2 2.9 makes only from `htmlParseScript`, every 1,000 bytes
/// of a script's or style's text, before moving past the character it last copied: moves the input on
/// so that the next character it reads starts the end tag `htmlParseScript` stops at ("</" and the
/// element's name, in any case), or is the end of the input. Text the caller discards is then found
/// with memchr, not read character by character; where the parse goes from there is unchanged. The
/// input must be valid UTF-8 (as `htmlParseScript` would otherwise change encoding mid-way).
static inline void winnow_htmlSkipRawText(void *parser) {
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
    const int nameLength = xmlStrlen(context->name);
    /* At the end tag already: the callback that flushes the last text, after the loop. */
    if (length == 0 || end - current < length
        || (current[0] == '<' && current[1] == '/' && xmlStrncasecmp(context->name, current + 2, nameLength) == 0)) {
        return;
    }
    const xmlChar *next = current + length;
    while (next < end) {
        const xmlChar *open = memchr(next, '<', (size_t)(end - next));
        if (open == NULL) {
            next = end;
            break;
        }
        /* The buffer ends with a NUL, so open[1] can be read. */
        if (open[1] == '/' && xmlStrncasecmp(context->name, open + 2, nameLength) == 0) {
            next = open;
            break;
        }
        next = open + 1;
    }
    input->cur = next - length;
#else
    (void)parser;
#endif
}
#endif
