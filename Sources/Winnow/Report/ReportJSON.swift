/// `report.json` written with `SortedJSONWriter`: the same bytes `JSONEncoder` makes of `RunReport`
/// (sorted keys, slashes unescaped), in a fraction of the time. The clusters and the sites, the bulk of
/// the file, are written field by field; the small parts (counts, inputs, run summary) by the encoder.
extension RunReport {
    /// The file's bytes; `listed`, when given, holds the JSON of `largestClusters` written already.
    func json(listed: ListedClustersJSON? = nil) throws(WinnowError) -> [UInt8] {
        var json = SortedJSONWriter(capacity: 640 * largestClusters.count + 65_536)
        json.beginObject()
        json.key("cluster_sizes")
        try json.encoded(clusterSizes)
        json.key("documents")
        try json.encoded(documents)
        json.key("format")
        json.string(format)
        json.key("inputs")
        try json.encoded(inputs)
        json.key("largest_clusters")
        json.beginArray()
        if let listed, listed.count == largestClusters.count {
            for position in 0..<listed.count { json.written(listed.object(position)) }
        } else {
            for index in largestClusters.indices { try largestClusters[index].write(to: &json) }
        }
        json.endArray()
        if let pipeline {
            json.key("pipeline")
            json.string(pipeline)
        }
        if let run {
            json.key("run")
            try json.encoded(run)
        }
        json.key("sites")
        try RunReport.Site.write(sites, to: &json)
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
    /// As the synthesised `Encodable` conformance writes it, keys in bytewise order: an element of
    /// report.json's `largest_clusters`, and a line of cluster-list.jsonl. Returns where in `json`'s
    /// bytes the members array is.
    @discardableResult
    func write(to json: inout SortedJSONWriter) throws(WinnowError) -> Range<Int> {
        json.beginObject()
        json.key("cluster")
        json.string(cluster)
        json.key("kept")
        json.string(kept)
        json.key("kind")
        json.string(kind.rawValue)
        json.key("members")
        let start = json.bytes.count
        try RunReport.Member.write(members, to: &json)
        let membersArray = start..<json.bytes.count
        json.key("min_similarity")
        try json.double(minSimilarity)
        json.key("more_members")
        json.int(moreMembers)
        json.key("size")
        json.int(size)
        json.endObject()
        return membersArray
    }
}

extension RunReport.Member {
    /// As the synthesised `Encodable` conformance writes them: nil fields left out, keys in bytewise
    /// order, fields read in place.
    static func write(_ members: [Self], to json: inout SortedJSONWriter) throws(WinnowError) {
        json.beginArray()
        for index in members.indices {
            json.beginObject()
            json.key("id")
            json.string(members[index].id)
            if let removedBy = members[index].removedBy {
                json.key("removed_by")
                json.string(removedBy)
            }
            json.key("similarity")
            try json.double(members[index].similarity)
            json.key("text_bytes")
            json.int(members[index].textBytes)
            if let url = members[index].url {
                json.key("url")
                json.string(url)
            }
            json.endObject()
        }
        json.endArray()
    }
}

extension RunReport.Site {
    /// As the synthesised `Encodable` conformance writes them, keys in bytewise order, fields read in
    /// place: report.json's `sites` (every site: on corpora of many small sites, most of the file) and
    /// the page's.
    static func write(_ sites: [Self], to json: inout SortedJSONWriter) throws(WinnowError) {
        json.beginArray()
        for index in sites.indices {
            json.beginObject()
            json.key("bytes_in")
            json.int(sites[index].bytesIn)
            json.key("bytes_removed")
            json.int(sites[index].bytesRemoved)
            json.key("pages")
            json.int(sites[index].pages)
            json.key("pages_changed")
            json.int(sites[index].pagesChanged)
            json.key("pages_removed")
            json.int(sites[index].pagesRemoved)
            json.key("site")
            json.string(sites[index].site)
            json.key("template_lines")
            json.beginArray()
            for line in sites[index].templateLines.indices {
                json.beginObject()
                json.key("pages")
                json.int(sites[index].templateLines[line].pages)
                json.key("text")
                json.string(sites[index].templateLines[line].text)
                json.endObject()
            }
            json.endArray()
            json.key("template_share")
            try json.double(sites[index].templateShare)
            json.endObject()
        }
        json.endArray()
    }
}
