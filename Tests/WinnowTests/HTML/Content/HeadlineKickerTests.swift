import Testing

@testable import Winnow

/// `headline-kickers`: the short lines above the headline (a section's name, a date) are left out;
/// the headline and a line that ends a sentence or a label stay, and without a headline nothing goes.
/// `headline-datelines`: a date or a byline right below the headline is left out.
@Suite struct HeadlineKickerTests {
    static let headline = "Council passes the new budget"

    static func page(kicker: String = "", title: String = "\(headline) | Springfield Times", below: [String] = []) -> String {
        "<html><head><title>\(title)</title></head><body><article><p>\(kicker)</p><h1>\(headline)</h1>"
            + below.map { "<p>\($0)</p>" }.joined() + "\(MainContentTests.article)</article></body></html>"
    }

    static func text(_ html: String, off rule: ContentRule? = nil) -> String {
        MainContentTests.mainText(html) { if let rule { $0.disabledRules = ContentRules(rule) } }
    }

    @Test func aSectionsNameAndADateAboveTheHeadlineAreLeftOut() {
        for kicker in ["Politics", "Nov. 20, 2019 6:02 AM EST"] {
            let text = Self.text(Self.page(kicker: kicker))
            #expect(text.hasPrefix(Self.headline), "\(text)")
            #expect(Self.text(Self.page(kicker: kicker), off: .headlineKickers).hasPrefix(kicker))
        }
    }

    @Test func aSentenceALabelOrALongLineStays() {
        for kicker in ["Read this first:", "The vote came late.", "A line above the headline that runs on for long"] {
            let text = Self.text(Self.page(kicker: kicker))
            #expect(text.hasPrefix(kicker), "\(text)")
        }
    }

    @Test func withoutAHeadlineThatRepeatsTheTitleNothingGoes() {
        let text = Self.text(Self.page(kicker: "Politics", title: "Springfield Times: news from the town"))
        #expect(text.hasPrefix("Politics"), "\(text)")
    }

    @Test func aDateAndABylineBelowTheHeadlineAreLeftOut() {
        let html = Self.page(below: ["By Jane Doe and John Roe", "Mi, 18. Oktober 2023 um 12:50 Uhr"])
        let text = Self.text(html)
        #expect(text.hasPrefix(Self.headline + "\n\nThe council approved"), "\(text)")
        #expect(Self.text(html, off: .headlineDatelines).contains("By Jane Doe"))
        for line in [
            "November 15, 2019", "2025-09-13", "02.02.2022", "26 de abril de 2022", "3 mrt 2021", "Sept. 4, 2020", "15 stycznia 2024",
        ] {
            #expect(HeadlineKicker.isDate(line), "\(line)")
        }
        #expect(HeadlineKicker.isByline("Von Lisa Petrich") && HeadlineKicker.isByline("Written by Miami Today"))
    }

    /// A date line that gives when the story was published and when updated runs past 40 characters.
    @Test func aLongDateLineBelowTheHeadlineIsLeftOut() {
        for line in [
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
            "segunda-feira, 22 de janeiro de 2018 às 0:13", "November 20, 2019 / 1:07 AM / CBS News",
        ] {
            #expect(HeadlineKicker.isDate(line), "\(line)")
            #expect(Self.text(Self.page(below: [line])).hasPrefix(Self.headline + "\n\nThe council approved"), "\(line)")
        }
        #expect(!HeadlineKicker.isDate("The council will meet again on Tuesday to vote on the budget for 2020"))
    }

    @Test func aSentenceBelowTheHeadlineStays() {
        for line in ["The vote, 7 to 2, came late on Tuesday.", "Bylines are written in the newsroom"] {
            let text = Self.text(Self.page(below: [line]))
            #expect(text.contains(line), "\(text)")
        }
        #expect(!HeadlineKicker.isDate("The vote, 7 to 2, came late"))
        #expect(!HeadlineKicker.isDate("Version 3.12"))
        // A longer line that opens with a date and ends as a sentence is the story's first sentence.
        #expect(!HeadlineKicker.isDate("2024-03-05: Council votes to study riverside traffic, housing and flood risk."))
        #expect(!HeadlineKicker.isDate("12.03.2024 – Der Rat hat heute die neue Studie zum Flussufer beschlossen."))
        #expect(HeadlineKicker.isDate("12.03.2024 – 14:30 Uhr, aktualisiert"))
        // Words that start like a month's name are not one.
        for line in [
            "Market cap: 5 billion", "General election 2024", "List of 10 things", "Generation 3", "Prices may rise 5% next year",
            "Sie kam 2019 nach Berlin zurück", "Mission to Mars in 2030 delayed", "The vote was 7-2-1 in favour", "Version 2.4.1",
        ] {
            #expect(!HeadlineKicker.isDate(line), "\(line)")
        }
        // A sentence that opens with "By" or "Von" is no byline.
        for line in ["By 2030 the bridge will carry 40000 cars a day", "By the time the vote came, few stayed"] {
            #expect(!HeadlineKicker.isByline(line), "\(line)")
        }
        for line in ["By Jane Doe and John Roe", "Por Gustavo E. Méndez", "By", "By Jane Doe • March 12, 2025 • 6 min read"] {
            #expect(HeadlineKicker.isByline(line), "\(line)")
        }
        #expect(HeadlineKicker.isDate("jeudi 13 juin 2019") && HeadlineKicker.isDate("16.10.2019 betrifft: SWR Fernsehen"))
        #expect(HeadlineKicker.isDate("Nov. 20, 2019 6:02 AM EST") && HeadlineKicker.isDate("Updated: 12 May 2021, 10:30 am"))
    }
}
