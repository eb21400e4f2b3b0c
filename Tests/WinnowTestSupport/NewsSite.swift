import Foundation

/// One site of the generated news corpus and the template it wraps every article in: a header with
/// the page's date, on some sites a contact line and a banner whose day counter changes from page to
/// page, a rotating list of teasers of the site's other stories, and a footer.
public struct NewsSite: Sendable {
    /// One line of a page, and whether it belongs to the article.
    public struct Line: Sendable {
        public var text: String
        public var isBody: Bool
    }

    public let name: String
    public let host: String
    public let sections: [String]
    public let menu: String
    public let contact: String?
    public let banner: (event: String, day: Int)?
    public let teaserHeading: String
    public let teaserCount: Int
    public let teasersFirst: Bool
    public let showsTime: Bool
    public let footer: [String]

    public static let papers = [
        "Courier", "Herald", "Times", "Post", "Gazette", "Observer", "Chronicle", "Ledger",
        "Tribune", "Review", "Dispatch", "Bulletin",
    ]
    public static let places = [
        "Northern", "Harbour", "Valley", "Capital", "Coastal", "Evening", "Morning", "Central",
        "Island", "Highland", "Riverside", "Eastern", "Western", "Lakeside",
    ]
    public static let countries = ["Norland", "Estavia", "Marovia", "Suldania", "Kestria", "Orvania", "Talmark"]
    public static let cities = ["Lima", "Oslo", "Nairobi", "Tokyo", "Berlin", "Cairo", "Ottawa", "Canberra", "Santiago"]
    public static let menuItems = [
        "Home", "World", "Business", "Politics", "Science", "Culture", "Sport", "Opinion",
        "Health", "Technology", "Local", "Weather",
    ]
    public static let embassyMenu = [
        "About the Embassy", "Consular services", "News", "Visas", "Trade", "Culture",
        "Contacts",
    ]
    public static let teaserHeadings = [
        "LATEST EVENTS", "Popular articles", "Related news", "Most read",
        "More from this section", "SPEECHES, INTERVIEWS, ARTICLES", "In other news",
        "Editor's picks",
    ]
    public static let events = [
        "reopening of the northern border crossing", "signing of the trade agreement",
        "start of the reconstruction programme", "flood that closed the coastal railway",
        "launch of the national broadband plan", "founding of the regional assembly",
    ]
    public static let commonFooter = [
        ["all messages"], ["Advanced settings"],
        ["Subscribe to our newsletter", "Privacy policy | Terms of use | Contact us"],
        ["Share this page:", "Facebook", "Twitter", "Print"],
        ["This email address is being protected from spambots. You need JavaScript enabled to view it."],
        ["Back to top"],
    ]

    /// Site `index` of the corpus; names and hosts are distinct among the first 40 sites.
    public init(index: Int, random: inout SeededRandom) {
        let isEmbassy = index % 3 == 2
        if isEmbassy {
            let country = Self.countries[index / 3 % Self.countries.count]
            let city = Self.cities[(index / 3 + index / 21) % Self.cities.count]
            name = "Embassy of \(country) in \(city)"
            menu = Self.embassyMenu.shuffled(using: &random).prefix(5).joined(separator: " | ")
            contact =
                "Consular queries: +\(Int.random(in: 10...99, using: &random)) \(Int.random(in: 100...999, using: &random)) "
                + "\(Int.random(in: 1000...9999, using: &random)) (Monday to Friday, 9:00 to 13:00)"
        } else {
            name = "The \(Self.places[index % Self.places.count]) \(Self.papers[(index / Self.places.count + index) % Self.papers.count])"
            menu = Self.menuItems.shuffled(using: &random).prefix(Int.random(in: 4...7, using: &random)).joined(separator: " | ")
            contact =
                Bool.random(using: &random)
                ? "Newsroom: news@\(Self.slug(name)).example, tel. +44 20 7946 \(Int.random(in: 1000...9999, using: &random))" : nil
        }
        host = Self.slug(name) + ".example"
        sections = Array(Self.menuItems.shuffled(using: &random).prefix(3)).map { $0.lowercased() }
        banner =
            isEmbassy || Int.random(in: 0..<3, using: &random) == 0
            ? (Self.events.randomElement(using: &random)!, Int.random(in: -1600 ... -200, using: &random)) : nil
        teaserHeading = Self.teaserHeadings.randomElement(using: &random)!
        teaserCount = Int.random(in: 3...6, using: &random)
        teasersFirst = Int.random(in: 0..<4, using: &random) == 0
        showsTime = Bool.random(using: &random)
        var footer = Self.commonFooter.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)).flatMap { $0 }
        footer.append(
            "\(Int.random(in: 1...120, using: &random)) \(Self.places.randomElement(using: &random)!) Road, "
                + (isEmbassy ? Self.cities[index % Self.cities.count] : "Port Town"))
        footer.append("© 2021 \(name). All rights reserved.")
        self.footer = footer
    }

    public static func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: "-")
    }

    /// The page of an article published on `day` (days since Monday 4 January 2021), with the titles of
    /// the site's latest other stories as teasers.
    public func page(body: [String], day: Int, teasers: [String], random: inout SeededRandom) -> [Line] {
        var lines = [Line(text: name, isBody: false), Line(text: menu, isBody: false)]
        var dated = Self.date(day)
        if showsTime {
            dated +=
                " | Updated \(Int.random(in: 6...22, using: &random)):\(String(format: "%02d", Int.random(in: 0...59, using: &random)))"
        }
        lines.append(Line(text: dated, isBody: false))
        if let contact { lines.append(Line(text: contact, isBody: false)) }
        if let banner { lines.append(Line(text: "\(day - banner.day) days have passed since the \(banner.event)", isBody: false)) }
        let teaserLines = teasers.isEmpty ? [] : [Line(text: teaserHeading, isBody: false)] + teasers.map { Line(text: $0, isBody: false) }
        if teasersFirst { lines += teaserLines }
        lines += body.map { Line(text: $0, isBody: true) }
        if !teasersFirst { lines += teaserLines }
        lines += footer.map { Line(text: $0, isBody: false) }
        return lines
    }

    public static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    public static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// "Monday, 4 January 2021" for day 0.
    public static func date(_ day: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = DateComponents(calendar: calendar, year: 2021, month: 1, day: 4).date!
        let parts = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: day, to: start)!)
        return "\(weekdays[day % 7]), \(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
    }
}
