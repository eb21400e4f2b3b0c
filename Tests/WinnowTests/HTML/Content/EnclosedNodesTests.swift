import Testing

@testable import Winnow

/// `EnclosedNodes` answers as a walk from a node's parent up to the root (the root itself not asked) does:
/// the first element of the kind it meets.
@Suite struct EnclosedNodesTests {
    @Test func answersAsTheWalkToTheRootDoes() {
        let html =
            "<html class=\"note\"><body><blockquote><div><div><p>Quoted <b>deep</b></p></div></div></blockquote>"
            + "<ul><li><div><p>Entry</p></div></li></ul><table><tr><td><p>Cell</p></td></tr></table>"
            + "<div class=\"admonition note\"><div><p><a href=\"/a\">See</a></p></div></div><p class=\"note\">Alone</p>"
            + "<div><div><p>Plain</p></div></div></body></html>"
        let nodes = HTMLParser.parse(Array(html.utf8)).nodes
        let kinds: [(Int) -> Bool] = [
            { nodes[$0].tag == .blockquote }, { LabelBlocks.isListOrItem(nodes[$0].tag) }, { nodes[$0].hint.marks.contains(.note) },
            { nodes[$0].parent < 0 },
        ]
        for (number, kind) in kinds.enumerated() {
            var enclosed = EnclosedNodes(nodes, by: kind)
            var answers: [Bool] = []
            for index in nodes.indices {
                var ancestor = Int(nodes[index].parent)
                var walked: Int?
                while ancestor > 0 && walked == nil {
                    if kind(ancestor) { walked = ancestor }
                    ancestor = Int(nodes[ancestor].parent)
                }
                answers.append(enclosed.contains(index))
                #expect(answers[index] == (walked != nil), "kind \(number), node \(index) \(nodes[index].tag)")
                #expect(enclosed.nearest(index) == walked, "kind \(number), node \(index) \(nodes[index].tag)")
            }
            // Each kind but the root's encloses some nodes and not others; the root encloses none.
            #expect(answers.contains(true) == (number < 3) && answers.contains(false), "kind \(number)")
        }
    }
}
