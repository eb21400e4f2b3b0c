/// `report.json` written with `SortedJSONWriter`: the same bytes `JSONEncoder` makes of `RunReport`
/// (sorted keys, slashes unescaped), in a fraction of the time. The clusters, the bulk of the file,
/// are written field by field; the small parts (counts, inputs, run summary, sites) by the encoder.
extension RunReport {
    func json() throws(WinnowError) -> [UInt8] {
        var json = SortedJSONWriter(capacity: 256 * clusters.count + 65_536)
        json.beginObject()
        json.key("clusters")
        json.beginArray()
        for index in clusters.indices { try clusters[index].write(to: &json) }
        json.endArray()
        json.key("documents")
        try json.encoded(documents)
        json.key("format")
        json.string(format)
        json.key("inputs")
        try json.encoded(inputs)
        if let pipeline {
            json.key("pipeline")
            json.string(pipeline)
        }
        if let run {
            json.key("run")
            try json.encoded(run)
        }
        json.key("sites")
        try json.encoded(sites)
        json.key("version")
        json.int(version)
        json.key("warnings")
        json.beginArray()
        for warning in warnings { json.string(warning) }
        json.endArray()
        json.endObject()
        return json.bytes
    }
}

extension RunReport.Cluster {
    /// As the synthesised `Encodable` conformance writes it, keys in bytewise order.
    func write(to json: inout SortedJSONWriter) throws(WinnowError) {
        json.beginObject()
        json.key("cluster")
        json.string(cluster)
        json.key("kept")
        json.string(kept)
        json.key("kind")
        json.string(kind.rawValue)
        json.key("members")
        try RunReport.Member.write(members, to: &json)
        json.key("min_similarity")
        try json.double(minSimilarity)
        json.key("more_members")
        json.int(moreMembers)
        json.key("size")
        json.int(size)
        json.endObject()
    }
}

extension RunReport.Member {
    /// As the synthesised `Encodable` conformance writes it: nil fields left out, keys in bytewise order.
    func write(to json: inout SortedJSONWriter) throws(WinnowError) {
        json.beginObject()
        json.key("id")
        json.string(id)
        if let removedBy {
            json.key("removed_by")
            json.string(removedBy)
        }
        json.key("similarity")
        try json.double(similarity)
        json.key("text_bytes")
        json.int(textBytes)
        if let url {
            json.key("url")
            json.string(url)
        }
        json.endObject()
    }

    static func write(_ members: [Self], to json: inout SortedJSONWriter) throws(WinnowError) {
        json.beginArray()
        for index in members.indices { try members[index].write(to: &json) }
        json.endArray()
    }
}
