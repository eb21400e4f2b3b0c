import ArgumentParser
import Winnow

/// The JSON fields Winnow works on, for every command that reads documents.
struct FieldArguments: ParsableArguments {
    @Option(help: "The JSON field holding the document id; a record without one gets 'file:line'.")
    var idField: String = "id"

    @Option(help: "The JSON field holding the text.")
    var textField: String = "text"

    @Option(help: "The JSON field holding the HTML.")
    var htmlField: String = "html"

    @Option(help: "The JSON field holding the URL.")
    var urlField: String = "url"

    var names: FieldNames { FieldNames(id: idField, text: textField, html: htmlField, url: urlField) }
}
