import CLibXML2
import CZlib

/// Versions of the C libraries this build runs with, for `winnow --version` and bug reports.
package enum LibraryVersions {
    package static let winnow = "0.1.0"

    package static var zlib: String { String(cString: zlibVersion()) }

    /// libxml2's version as it reports itself at run time (such as "20914" for 2.9.14).
    package static var libxml2: String {
        let number = Int(String(cString: winnow_xmlParserVersion())) ?? 0
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
