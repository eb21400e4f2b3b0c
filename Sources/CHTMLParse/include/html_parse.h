#ifndef WINNOW_CHTMLPARSE_H
#define WINNOW_CHTMLPARSE_H

/// Parses UTF-8 HTML through `handler`'s callbacks (an `htmlSAXHandler`) only: no tree, no network, no
/// error output, the page's own charset declarations ignored, and what libxml2 2.9 would read other than
/// a browser repaired first (a tag's attributes past the 256th, empty and bogus comments, character references; page_repairs.c).
/// Callbacks get the parser as their context (`winnow_htmlUser` gives back `user`). With `shortcuts`
/// (only where `winnow_htmlCanTakeShortcuts`), end tags and misplaced body start tags libxml2 would
/// ignore are passed over, not looked up, once many elements are open (the callbacks are the same). Returns -1 when nothing is parsed (an empty page, or one the repairs empty,
/// or no memory for the copy).
int winnow_htmlParseSAX(const char *bytes, int length, const void *handler, void *user, int shortcuts);

/// Whether the shortcuts (the two below, and `winnow_htmlParseSAX`'s) can act: the run-time libxml2 is a
/// 2.9 release.
int winnow_htmlCanTakeShortcuts(void);

/// From a `cdataBlock` callback: passes over the rest of a script's or style's text to its end tag.
void winnow_htmlSkipRawText(void *parser);

/// From an `svg` element's `startElement` callback: passes over its markup when libxml2 would parse it
/// without touching anything outside it. `drawingEnd`, -1 for a parse's first call, is kept between calls.
void winnow_htmlSkipSVG(void *parser, long *drawingEnd);

#endif
