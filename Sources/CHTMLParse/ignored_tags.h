/* Tags libxml2 2.9 reads and does nothing with, passed over on a page with many elements open
 * (ignored_tags.c). */
#ifndef WINNOW_IGNORED_TAGS_H
#define WINNOW_IGNORED_TAGS_H

#include <libxml/HTMLparser.h>

/* htmlGetEndPriority's table as levels: an end tag closes nothing that lies under an open element of a
 * higher level (0 for every element the table does not name). */
enum { winnow_endLevels = 8 };

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

/* What a parse keeps besides the caller's state: `user` first (`winnow_htmlUser` reads it there), the
 * caller's callbacks that those of ignored_tags.c wrap, and the copy of the stack. */
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
     * (-1: not known): the tag whose pops come next starts there. An offset in the input counting what
     * libxml2 has let go of, as libxml2 moves its buffer; no longer known once it decodes the rest of the
     * input again (`resumeEncoder`: bytes that are not UTF-8 switch it to another encoding). */
    long resume;
    const void *resumeEncoder;
} winnow_Parse;

/* Puts the callbacks that pass over ignored tags in `sax`, around its own, which `parse` keeps. */
void winnow_takeIgnoredTagShortcuts(htmlSAXHandlerPtr sax, winnow_Parse *parse);

/* Frees what the copy of the stack holds. */
void winnow_freeOpenElements(winnow_OpenElements *open);

#endif
