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

    func validate() throws {
        let given = [("--id-field", idField), ("--text-field", textField), ("--html-field", htmlField), ("--url-field", urlField)]
        for (flag, name) in given where name.isEmpty {
            throw ValidationError("\(flag) is empty: give the name of a JSON field")
        }
    }

    /// The fields as typed (`FileName.text`: the arguments are spelled as file names are).
    var names: FieldNames {
        FieldNames(
            id: FileName.text(idField), text: FileName.text(textField), html: FileName.text(htmlField),
            url: FileName.text(urlField))
    }
}
