/* With many elements open, the tags libxml2 2.9 would read and do nothing with are passed over rather
 * than looked up through its stack of open elements, and misplaced body start tags are read as it reads
 * them (popping elements, with their callbacks). Checked against libxml2 2.9's HTMLparser.c. */
#define _GNU_SOURCE
#include "ignored_tags.h"

#include "html_bytes.h"
#include "page_repairs.h"

#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

/* Past this many open elements, the callbacks below look at the tags that follow. libxml2 2.9's
 * htmlParseEndTag looks an end tag's name up through the whole stack of open elements, and
 * htmlAutoCloseOnClose again when it is there; htmlParseStartTag reads the whole stack for a body
 * start tag: a page that leaves thousands of elements open and ends others ("<b>x</i>" again and
 * again) took time growing with the square of its length. */
enum { winnow_deepStack = 64 };

/* The level of `name` (lower case, `length` bytes) in htmlGetEndPriority's table. */
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

/* FNV-1a of a name's bytes, for the table of names. */
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
    const xmlChar *byte = at + 2;
    *length = winnow_readLowerName(&byte, end, name, 100);
    if (*length < 0) return NULL;
    while (byte < end && *byte != '>' && *byte != 0) byte++;
    return byte < end && *byte == '>' ? byte + 1 : NULL;
}

/* Whether `name` is one that a body start tag closes first (htmlAutoClose: htmlStartClose's entries
 * for body). */
static int winnow_closedByBody(const xmlChar *name) {
    static const char *const closed[] = {"head", "link", "p", "style", "title"};
    for (size_t index = 0; index < sizeof closed / sizeof *closed; index++) {
        if (xmlStrEqual(name, BAD_CAST closed[index])) return 1;
    }
    return 0;
}

/* Whether `name` is a void element's: libxml2 pops one right after its start tag's callback. */
static int winnow_isVoid(const xmlChar *name) {
    const htmlElemDesc *description = htmlTagLookup(name);
    return description != NULL && description->empty;
}

/* Where a start tag of body from `at` on ends (past its '>' or "/>", `*selfClosed` telling which), or
 * NULL when it is not one htmlParseStartTag reads to its end: libxml2 ends the parse at a NUL, which
 * the caller's pages do not hold. */
static const xmlChar *winnow_bodyStartTagEnd(const xmlChar *at, const xmlChar *end, int *selfClosed) {
    if (end - at < 6 || xmlStrncasecmp(at + 1, BAD_CAST "body", 4) != 0 || winnow_isHTMLNameByte(at[5])) return NULL;
    const xmlChar *close = winnow_startTagEnd(at + 1, end);
    if (close == NULL || close >= end || memchr(at, 0, (size_t)(close - at)) != NULL) return NULL;
    *selfClosed = *close == '/';
    return close + (*selfClosed ? 2 : 1);
}

/* Pops the innermost of the stack's first `count` elements with its endElement callback, as libxml2's
 * htmlAutoClose and a discarded tag's "/>" do. Above them may lie the element an endElement callback is
 * ending (`count` is then one less than the stack's length), which libxml2 pops once the callback
 * returns: it moves down a place. */
static void winnow_popElement(htmlParserCtxtPtr context, winnow_Parse *parse, int count) {
    const int index = count - 1;
    if (index < parse->open.lowWater) parse->open.lowWater = index;
    if (parse->endElement != NULL) parse->endElement(context, context->nameTab[index]);
    for (int entry = index; entry < context->nameNr - 1; entry++) context->nameTab[entry] = context->nameTab[entry + 1];
    context->nameNr--;
    context->nameTab[context->nameNr] = NULL;
    context->name = context->nameTab[context->nameNr - 1];
}

/* Reads a misplaced body start tag at `at` (one while a body element is open, `bodies` of them counted
 * in the copy) as htmlParseContentInternal and htmlParseElementInternal would: the elements body closes
 * are popped, libxml2's count of misplaced tags grows by `bodies`, and a "/>" pops the innermost element
 * left. Returns where the tag ends, or NULL (nothing done) when it is not such a tag, would take the
 * stack to `winnow_deepStack` or under, or would pop a void element or leave one innermost (libxml2
 * pops one once the start tag's callback returns). Such a tag made libxml2 read the whole stack. */
static const xmlChar *winnow_passMisplacedBody(htmlParserCtxtPtr context, winnow_Parse *parse, int *count, const xmlChar *at,
                                               const xmlChar *end) {
    winnow_OpenElements *open = &parse->open;
    int selfClosed = 0;
    const xmlChar *after = winnow_bodyStartTagEnd(at, end, &selfClosed);
    if (after == NULL) return NULL;
    const int slot = winnow_nameSlot(open, BAD_CAST "body", 4, 0);
    int bodies = 0;
    for (int entry = slot < 0 ? -1 : open->slots[slot].top; entry >= 0; entry = open->belowSame[entry]) bodies++;
    if (bodies == 0) return NULL;
    int closed = 0;
    while (*count - closed > 1 && winnow_closedByBody(context->nameTab[*count - 1 - closed])) closed++;
    const int left = *count - closed - selfClosed;
    if (left <= winnow_deepStack || winnow_isVoid(context->nameTab[*count - 1 - closed]) || winnow_isVoid(context->nameTab[left - 1])) {
        return NULL;
    }
    const xmlChar *cur = context->input->cur;
    context->input->cur = at;
    for (int pop = 0; pop < closed; pop++) winnow_popElement(context, parse, (*count)--);
    context->depth += bodies;
    context->input->cur = after;
    if (selfClosed) winnow_popElement(context, parse, (*count)--);
    context->input->cur = cur;
    if (!winnow_syncOpenElements(open, context->nameTab, *count)) open->failed = 1;
    return after;
}

/* Where the input goes on after the tags from `at` on that libxml2 would read and ignore, with the
 * stack's first `count` elements open: end tags, after each of which it passes over everything to the
 * next '>' (htmlParseEndTag, recover mode), and misplaced body start tags, read as libxml2 would. An
 * end tag of html, body or head while misplaced ones are counted takes one off the count, as libxml2
 * does. With `strayOnly`, only end tags of elements not open at all are passed over. */
static const xmlChar *winnow_passIgnoredTags(htmlParserCtxtPtr context, int count, const xmlChar *at, const xmlChar *end,
                                             int strayOnly) {
    winnow_Parse *parse = context->_private;
    for (;;) {
        if (end - at < 3 || at[0] != '<' || parse->open.failed) return at;
        if (at[1] != '/') {
            const xmlChar *after = strayOnly ? NULL : winnow_passMisplacedBody(context, parse, &count, at, end);
            if (after == NULL) return at;
            at = after;
            continue;
        }
        xmlChar name[100];
        int length = 0;
        const xmlChar *after = winnow_readEndTag(at, end, name, &length);
        if (after == NULL) return at;
        if (winnow_isDocumentPart(name, length) && context->depth > 0) {
            context->depth--;
        } else if (!winnow_ignoresEndTag(&parse->open, name, length, strayOnly)) {
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

/* With more than `winnow_deepStack` of the stack's first `count` elements open, where the input goes
 * on from `at` past the tags libxml2 would ignore. */
static const xmlChar *winnow_afterIgnoredTags(htmlParserCtxtPtr context, int count, const xmlChar *at, int strayOnly) {
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
    return winnow_passIgnoredTags(context, count, at, input->end, strayOnly);
}

/* Keeps where libxml2 reads on (`at`, NULL: not known). */
static void winnow_setResume(winnow_Parse *parse, const xmlParserInputPtr input, const xmlChar *at) {
    parse->resume = at == NULL ? -1 : (long)input->consumed + (long)(at - input->base);
    parse->resumeEncoder = input->buf != NULL ? (const void *)input->buf->encoder : NULL;
}

/* The kept place in the input's buffer as it is now; NULL when not known, or when it lies outside the
 * buffer or libxml2 has since decoded the input again. */
static const xmlChar *winnow_resume(const winnow_Parse *parse, const xmlParserInputPtr input) {
    const void *encoder = input->buf != NULL ? (const void *)input->buf->encoder : NULL;
    const long at = parse->resume - (long)input->consumed;
    if (parse->resume < 0 || encoder != parse->resumeEncoder || at < 0 || at > input->end - input->base) return NULL;
    return input->base + at;
}

/* Where the content loop reads on at the input's position once the callback returns: after text (but
 * a "<" it writes as text before moving past it), a comment and a processing instruction. */
static void winnow_passIgnoredTagsHere(htmlParserCtxtPtr context) {
    winnow_Parse *parse = context->_private;
    if (context->input == NULL) return;
    context->input->cur = winnow_afterIgnoredTags(context, context->nameNr, context->input->cur, 0);
    winnow_setResume(parse, context->input, context->input->cur);
}

/* Whether, after a characters callback handing over "&", libxml2 hands over the name it read after it
 * (htmlParseReference: a name no entity has, or one with no ';'), the input then just past the name. */
static int winnow_ampersandNameFollows(const xmlParserInputPtr input) {
    if (input == NULL || input->cur <= input->base || input->cur[-1] == ';') return 0;
    const xmlChar *at = input->cur;
    while (at > input->base && (winnow_isHTMLNameByte(at[-1]) || at[-1] >= 0x80)) at--;
    return at < input->cur && at > input->base && at[-1] == '&';
}

/* Text but a "<" libxml2 writes as text before moving past it, and an "&" whose name comes next. */
static void winnow_characters(void *parser, const xmlChar *text, int length) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->characters != NULL) parse->characters(parser, text, length);
    const int moreFollows = length == 1 && (text[0] == '<' || (text[0] == '&' && winnow_ampersandNameFollows(context->input)));
    if (!moreFollows) {
        winnow_passIgnoredTagsHere(context);
    } else {
        parse->resume = -1;
    }
}

static void winnow_ignorableWhitespace(void *parser, const xmlChar *text, int length) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->ignorableWhitespace != NULL) parse->ignorableWhitespace(parser, text, length);
    winnow_passIgnoredTagsHere(context);
}

static void winnow_comment(void *parser, const xmlChar *text) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->comment != NULL) parse->comment(parser, text);
    winnow_passIgnoredTagsHere(context);
}

static void winnow_processingInstruction(void *parser, const xmlChar *target, const xmlChar *data) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->processingInstruction != NULL) parse->processingInstruction(parser, target, data);
    winnow_passIgnoredTagsHere(context);
}

/* A start tag's callback comes at its '>' (or "/>"), which libxml2 then moves past: the input is left
 * at the last ignored tag's '>' instead. Script and style text is not markup. */
static void winnow_startElement(void *parser, const xmlChar *name, const xmlChar **attributes) {
    htmlParserCtxtPtr context = parser;
    winnow_Parse *parse = context->_private;
    if (parse->startElement != NULL) parse->startElement(parser, name, attributes);
    xmlParserInputPtr input = context->input;
    if (input == NULL || name == NULL || input->cur >= input->end) return;
    const int selfClosed = input->cur[0] == '/' && input->end - input->cur >= 2 && input->cur[1] == '>';
    winnow_setResume(parse, input, input->cur[0] == '>' ? input->cur + 1 : selfClosed ? input->cur + 2 : NULL);
    if (context->nameNr <= winnow_deepStack || input->cur[0] != '>' || input->end - input->cur < 4 || input->cur[1] != '<'
        || xmlStrEqual(name, BAD_CAST "script") || xmlStrEqual(name, BAD_CAST "style") || !winnow_inStartTagOf(input, name)) {
        return;
    }
    const xmlChar *after = winnow_afterIgnoredTags(context, context->nameNr, input->cur + 1, 0);
    if (after != input->cur + 1) {
        input->cur = after - 1;
        winnow_setResume(parse, input, after);
    }
}

/* Whether `at` starts a start tag ended by "/>" just before the input's position. The pop there is the
 * last before libxml2 reads on, of the tag's own element or, when libxml2 discards the tag (a misplaced
 * body), of the innermost one. */
static int winnow_selfClosedTagBefore(const xmlChar *at, const xmlParserInputPtr input) {
    if (input->cur - at < 4 || at[0] != '<' || !winnow_isASCIILetter(at[1])) return 0;
    const xmlChar *close = winnow_startTagEnd(at + 1, input->end);
    return close != NULL && close + 2 == input->cur && close[0] == '/';
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
    if (input == NULL || name == NULL || popped <= winnow_deepStack) return;
    int last = 0;
    const xmlChar *resume = winnow_resume(parse, input);
    if (resume == input->cur) {
        last = 1;
    } else if (resume != NULL) {
        xmlChar tag[100];
        int length = 0;
        const int nameLength = xmlStrlen(name);
        last = (winnow_readEndTag(resume, input->end, tag, &length) == input->cur && length == nameLength
                && memcmp(tag, name, (size_t)length) == 0)
               || winnow_selfClosedTagBefore(resume, input);
    }
    input->cur = winnow_afterIgnoredTags(context, popped, input->cur, !last);
    if (last) winnow_setResume(parse, input, input->cur);
}

void winnow_takeIgnoredTagShortcuts(htmlSAXHandlerPtr sax, winnow_Parse *parse) {
    parse->startElement = sax->startElement;
    parse->endElement = sax->endElement;
    parse->characters = sax->characters;
    parse->ignorableWhitespace = sax->ignorableWhitespace;
    parse->comment = sax->comment;
    parse->processingInstruction = sax->processingInstruction;
    sax->startElement = winnow_startElement;
    sax->endElement = winnow_endElement;
    sax->characters = winnow_characters;
    sax->ignorableWhitespace = winnow_ignorableWhitespace;
    sax->comment = winnow_comment;
    sax->processingInstruction = winnow_processingInstruction;
}

void winnow_freeOpenElements(winnow_OpenElements *open) {
    free(open->slotOf);
    free(open->belowSame);
    free(open->belowLevel);
    free(open->levelOf);
    free(open->slots);
}
