/// The label of a page's control written as a block of its own: a comment link or heading
/// ("3 Comments", "Leave a Reply", "Kommentar verfassen"), a share button ("Share this article",
/// "Teilen"), a print button ("Rezept drucken"). The control's form, menu or script is left out;
/// its label stays in the text.
enum ControlLabel {
    /// Drops each block of the content, not in a list or a table, whose whole text is such a label
    /// (case, spacing, the counts and the marks around it ignored). An entry of an index or a table
    /// ("comment" among SQL's keywords, a cell of an API's table) is an entry, not a control.
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats) {
        LabelBlocks(labels: labels, maxChars: ContentThresholds.controlLabelChars, alsoTrimmed: counts, sparesListContents: true)
            .drop(&include, tree: tree, stats: stats)
    }

    /// A count before or after a label: "3 Comments", "Kommentare (12)", "Comments!".
    private static let counts: Set<UInt8> = Set("0123456789!".utf8)

    /// Labels in English, German, French, Spanish, Italian and Polish (lower case; a capital beyond
    /// ASCII is written as it appears).
    private static let labels: [[UInt8]] = [
        // Comments
        "comment", "comments", "leave a comment", "leave a reply", "post a comment", "no comments", "no comments yet",
        "kommentar", "kommentare", "kommentieren", "kommentar verfassen", "kommentar schreiben", "kommentar hinterlassen",
        "schreibe einen kommentar", "keine kommentare", "commentaire", "commentaires", "laisser un commentaire",
        "comentario", "comentarios", "deja un comentario", "komentarz", "komentarze",
        // Sharing
        "share", "share this", "share this article", "share this story", "share this post", "share this page",
        "share on facebook", "share on twitter", "share on linkedin", "share on whatsapp", "teilen", "artikel teilen",
        "diesen artikel teilen", "beitrag teilen", "partager", "partager cet article", "compartir", "condividi",
        "udostępnij",
        // Printing
        "print", "print article", "print this page", "print this article", "drucken", "artikel drucken",
        "rezept drucken", "imprimer", "imprimir", "stampa", "drukuj",
    ].map { Array($0.utf8) }
}
