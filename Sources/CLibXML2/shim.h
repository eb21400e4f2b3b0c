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

/// The `user` pointer given to `winnow_htmlParseSAX`, from a callback's context: the first member of
/// the parse's state, which the parser's `_private` points to (`winnow_Parse`, CHTMLParse's ignored_tags.h).
static inline void *winnow_htmlUser(void *parser) {
    return *(void **)((htmlParserCtxtPtr)parser)->_private;
}

#endif
