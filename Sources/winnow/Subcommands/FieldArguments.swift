import ArgumentParser
import Winnow

/// The JSON fields Winnow works on, for every command that reads documents. Each is nil when not given,
/// so that the report can take a run summary's names in its place (`names(default:)`).
struct FieldArguments: ParsableArguments {
    @Option(help: "The JSON field holding the document id; a record without one gets 'file:line'. Default: id.")
    var idField: String?

    @Option(help: "The JSON field holding the text. Default: text.")
    var textField: String?

    @Option(help: "The JSON field holding the HTML. Default: html.")
    var htmlField: String?

    @Option(help: "The JSON field holding the URL. Default: url.")
    var urlField: String?

    func validate() throws {
        let given = [("--id-field", idField), ("--text-field", textField), ("--html-field", htmlField), ("--url-field", urlField)]
        for case (let flag, let name?) in given where name.isEmpty {
            throw ValidationError("\(flag) is empty: give the name of a JSON field")
        }
    }

    /// The fields as typed, the standard names for those not given.
    var names: FieldNames { names(default: .standard) }

    /// The fields as typed (`FileName.text`: the arguments are spelled as file names are), and `defaults`'
    /// names for those not given: a run summary's, for the report of that run.
    func names(default defaults: FieldNames) -> FieldNames {
        FieldNames(
            id: idField.map(FileName.text) ?? defaults.id, text: textField.map(FileName.text) ?? defaults.text,
            html: htmlField.map(FileName.text) ?? defaults.html, url: urlField.map(FileName.text) ?? defaults.url)
    }
}
