/* The scan before the parse: reads a page as libxml2 2.9 does and repairs, on a copy, what it would
 * read other than a browser. Checked against libxml2 2.9's HTMLparser.c. */
#define _GNU_SOURCE
#include "page_repairs.h"

#include "html_bytes.h"
#include "named_references.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

/* At most this many attributes of one start tag reach libxml2: its check for a repeated attribute
 * compares each with every one before it (a tag of 80,000 attributes took 9 s). */
enum { winnow_maxAttributes = 256 };

/* In the copy, the page's bytes [from, to) become `with` (`length` bytes: more only as far as
 * `winnow_repairGrowth` made room). */
void winnow_replace(winnow_RepairedCopy *copy, const xmlChar *from, const xmlChar *to, const char *with, size_t length) {
    memcpy(copy->out + copy->count, copy->copied, (size_t)(from - copy->copied));
    copy->count += (size_t)(from - copy->copied);
    memcpy(copy->out + copy->count, with, length);
    copy->count += length;
    copy->copied = to;
}

/* The repairs a scan finds, and the copy they are written to (NULL: only counting, to the first);
 * `references`: whether the page holds a character reference to repair, so that text is searched for them. */
typedef struct {
    winnow_RepairedCopy *copy;
    int count;
    int references;
} winnow_Repairs;

/* Records that the page's bytes [from, to) become `with`; returns 0 when only counting (the scan stops). */
static int winnow_repair(winnow_Repairs *repairs, const xmlChar *from, const xmlChar *to, const char *with, size_t length) {
    repairs->count++;
    if (repairs->copy == NULL) return 0;
    winnow_replace(repairs->copy, from, to, with, length);
    return 1;
}

/* A character reference that libxml2 2.9 reads other than a browser: [start, end) is to become `with`
 * (`length` bytes). */
typedef struct {
    const xmlChar *start, *end;
    const char *with;
    size_t length;
} winnow_Reference;

/* The first character reference in `[from, to)` (text, or with `inAttribute` an attribute's value) that
 * libxml2 2.9 reads other than a browser, in `*found`; 0 when there is none:
 * - a numeric one that htmlParseCharRef reads as nothing, where HTML reads U+FFFD ("&#0;", a surrogate
 *   "&#xD800;", a value past U+10FFFF, the digits read as it reads them, to a ';' or another byte) becomes
 *   U+FFFD's UTF-8, never more than its 3 or more bytes;
 * - one with no digit ("&#;", "&#x;", "&#xZZ;", "&#" at the end), from which libxml2 drops the "&#" or
 *   "&#x" (and a ';' right after it) where HTML writes it as text, has its '&' become "&amp;";
 * - a named one (`winnow_namedReference`) that libxml2 leaves as text (a name of HTML5's, "&check;"; one
 *   in capitals, "&AMP;"; a legacy one without its ';', "&copy 2020") or reads as another character
 *   ("&lang;") becomes its characters (a numeric reference for markup and blanks). */
static int winnow_findReference(const xmlChar *from, const xmlChar *to, int inAttribute, winnow_Reference *found) {
    const xmlChar *at = from;
    while (at < to) {
        const xmlChar *ampersand = memchr(at, '&', (size_t)(to - at));
        if (ampersand == NULL) return 0;
        at = ampersand + 1;
        if (at >= to) return 0;
        if (*at != '#') {
            const xmlChar *referenceEnd = NULL;
            const winnow_NamedReference *named = winnow_namedReference(at, to, inAttribute, &referenceEnd);
            if (named == NULL) continue;
            at = referenceEnd;
            /* libxml2 reads it alike when the name and its ';' are all it reads (a name byte of its own,
             * '-', '.', ':', '_', after a legacy name's would lengthen the name it looks up). */
            if (named->libxml2Reads && referenceEnd[-1] == ';') continue;
            *found = (winnow_Reference){ampersand, referenceEnd, named->replacement, named->replacementLength};
            return 1;
        }
        at++;
        const int hex = at < to && (*at == 'x' || *at == 'X');
        if (hex) at++;
        long value = 0;
        const xmlChar *digits = at;
        for (; at < to; at++) {
            int digit;
            if (*at >= '0' && *at <= '9') {
                digit = *at - '0';
            } else if (hex && (*at | 0x20) >= 'a' && (*at | 0x20) <= 'f') {
                digit = (*at | 0x20) - 'a' + 10;
            } else {
                break;
            }
            if (value < 0x110000) value = value * (hex ? 16 : 10) + digit;
        }
        if (at == digits) {
            *found = (winnow_Reference){ampersand, ampersand + 1, "&amp;", 5};
            return 1;
        }
        if (at < to && *at == ';') at++;
        if (value != 0 && (value < 0xD800 || value > 0xDFFF) && value < 0x110000) continue;
        *found = (winnow_Reference){ampersand, at, "\xEF\xBF\xBD", 3};
        return 1;
    }
    return 0;
}

/* The most bytes the repairs of a page add to it: what each reference `winnow_findReference` finds in the
 * whole page, read as text (which finds every one an attribute's value holds), writes beyond its length
 * (4 for one without digits, 1 or 2 for "&GT;" or "&lt"); every other repair writes at most as many bytes
 * as it replaces. */
size_t winnow_repairGrowth(const xmlChar *page, int length) {
    const xmlChar *at = page, *end = page + length;
    winnow_Reference reference;
    size_t growth = 0;
    while (winnow_findReference(at, end, 0, &reference)) {
        const size_t read = (size_t)(reference.end - reference.start);
        if (reference.length > read) growth += reference.length - read;
        at = reference.end;
    }
    return growth;
}

/* Repairs the references `winnow_findReference` finds in `[from, to)` (text, or with `inAttribute` an
 * attribute's value). Returns 0 when only counting and one was found. */
static int winnow_readReferences(const xmlChar *from, const xmlChar *to, int inAttribute, winnow_Repairs *repairs) {
    if (!repairs->references) return 1;
    const xmlChar *at = from;
    winnow_Reference reference;
    while (winnow_findReference(at, to, inAttribute, &reference)) {
        if (!winnow_repair(repairs, reference.start, reference.end, reference.with, reference.length)) return 0;
        at = reference.end;
    }
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
        const xmlChar *value = at;
        if (at < end && (*at == '"' || *at == '\'')) {
            const xmlChar *quote = at + 1 < end ? memchr(at + 1, *at, (size_t)(end - at - 1)) : NULL;
            at = quote == NULL ? end : quote + 1;
        } else {
            while (at < end && !winnow_isHTMLBlank(*at) && *at != '>') at++;
        }
        if (cut == NULL && !winnow_readReferences(value, at, 1, repairs)) return NULL;
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

/* The first '>' and the first end tag's "</" (before a letter) at or after where the scan last looked
 * for a bogus comment's end, NULL before the first look: each is searched for again only once the scan
 * is past it, so a page of many "<!" is read once. */
typedef struct {
    const xmlChar *close, *endTag;
} winnow_BogusCommentEnds;

/* The '>' that ends a browser's bogus comment starting at `from`, start tags inside it ("<![CDATA[ x <b>"
 * is one comment, as in a browser), or NULL when the page's end or an end tag comes first: such a comment
 * is left to libxml2, as the scan does not know a title's or a textarea's text, where "<!" is text and the
 * end tag is theirs (`<title>x <! y</title>`). */
static const xmlChar *winnow_bogusCommentEnd(const xmlChar *from, const xmlChar *end, winnow_BogusCommentEnds *found) {
    if (found->close == NULL || found->close < from) {
        const xmlChar *close = memchr(from, '>', (size_t)(end - from));
        found->close = close == NULL ? end : close;
    }
    if (found->close == end) return NULL;
    if (found->endTag == NULL || found->endTag < from) {
        const xmlChar *tag = winnow_find(from, end, "</", 2);
        while (tag < end && !(end - tag > 2 && winnow_isASCIILetter(tag[2]))) tag = winnow_find(tag + 1, end, "</", 2);
        found->endTag = tag;
    }
    return found->endTag < found->close ? NULL : found->close;
}

/* Finds, reading the page as libxml2 2.9 does (tags, comments, script and style text up to their end
 * tags), what it would parse other than a browser in a way that loses or adds text, and with `copy`
 * writes the page repaired there:
 * - start tags as `winnow_readStartTag` repairs them, and raw text as `winnow_readRawText` does;
 * - "<!-->" and "<!--->", empty comments to a browser, are dropped (libxml2 reads on to the next "-->");
 * - "<!" not starting a comment or a doctype, "<?" not followed by a name and "</" not followed by one
 *   are dropped to their '>', as a browser's bogus comments (libxml2 writes them as text: Word's
 *   "<![if !supportLists]>", a stray "<![CDATA[", with the start tags before that '>');
 * - character references in text and attribute values that libxml2 reads other than a browser, as
 *   `winnow_findReference` tells them.
 * Returns the number of repairs (with no copy: 0 or 1). */
int winnow_repairPage(const xmlChar *page, int length, winnow_RepairedCopy *copy) {
    const xmlChar *at = page, *end = page + length;
    winnow_Reference reference;
    /* Most pages hold no reference to repair: one search of the whole page spares the search of each text. */
    winnow_Repairs repairs = {copy, 0, winnow_findReference(page, end, 0, &reference)};
    winnow_BogusCommentEnds bogusCommentEnds = {NULL, NULL};
    while (at < end) {
        const xmlChar *open = memchr(at, '<', (size_t)(end - at));
        if (!winnow_readReferences(at, open == NULL ? end : open, 0, &repairs)) return repairs.count;
        if (open == NULL || open + 2 >= end) {
            if (open != NULL && !winnow_readReferences(open, end, 0, &repairs)) return repairs.count;
            break;
        }
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
            const xmlChar *close = winnow_bogusCommentEnd(open + 2, end, &bogusCommentEnds);
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

const xmlChar *winnow_startTagEnd(const xmlChar *name, const xmlChar *end) {
    winnow_Repairs counting = {NULL, 0, 1};
    int rawTextName = 0;
    return winnow_readStartTag(name, end, &counting, &rawTextName);
}
