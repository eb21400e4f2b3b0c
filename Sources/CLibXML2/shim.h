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
/// page's own charset declarations ignored (the caller has already decoded it). Returns -1 when libxml2
/// cannot make a parser (empty input), 0 otherwise: recover mode parses any bytes to the end.
static inline int winnow_htmlParseSAX(const char *bytes, int length, const htmlSAXHandler *handler, void *user) {
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(bytes, length);
    if (context == NULL) return -1;
    memcpy(context->sax, handler, sizeof(htmlSAXHandler));
    context->userData = user;
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
#endif
