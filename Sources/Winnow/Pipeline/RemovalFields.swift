/// The JSON of the fields a removal adds (`removed_by`, `removed_reason`), encoded once for a stage's
/// removals in a batch rather than per document; the last reason is kept, since most removals share one.
struct RemovalFields {
    let stageJSON: ArraySlice<UInt8>
    private var last: (reason: String, json: ArraySlice<UInt8>)?

    init(stage: String) {
        stageJSON = ArraySlice(JSONValue.string(stage).encoded())
    }

    mutating func reasonJSON(_ reason: String) -> ArraySlice<UInt8> {
        if let last, last.reason == reason { return last.json }
        let json = ArraySlice(JSONValue.string(reason).encoded())
        last = (reason, json)
        return json
    }
}
