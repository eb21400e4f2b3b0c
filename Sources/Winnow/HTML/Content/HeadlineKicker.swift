import Foundation

/// The short lines a page writes above an article's headline: the section's name or a label
/// ("Promis", "Chronik", "TECH", "Review"), a date ("02.02.2022", "Nov. 20, 2019 6:02 AM EST"), a
/// breadcrumb's last step. The headline is the block that repeats the page's title; what stands
/// above it in a line of its own names the page's place on the site, not its text. Below it, a line
/// that is only a date or a byline ("By Carrie Arnold", "Von Lisa Petrich", "November 15, 2019")
/// says when and by whom, not what.
enum HeadlineKicker {
    /// Drops each block of 30 characters or fewer, not ending a sentence or a label (".", "!", "?",
    /// ":"), that stands right above the headline (`kickers`), and up to two blocks right below it that
    /// are a date or a byline (`datelines`): the headline is a block among the content's first four
    /// whose text (letters and digits, case ignored) is 15 characters or more and half or more of the
    /// page's title, and is part of it.
    static func drop(_ include: inout [Bool], tree: PageTree, stats: BlockStats, kickers: Bool, datelines: Bool) {
        guard let title = tree.metadata.title else { return }
        let titleKey = key(title)
        guard titleKey.count >= ContentThresholds.headlineKeyChars else { return }
        let nodes = tree.nodes
        // The first blocks written, each with its text nodes.
        let wanted = ContentThresholds.headlineBlocks + ContentThresholds.datelineBlocks
        var blocks: [(block: Int32, texts: [Int])] = []
        for index in nodes.indices where include[index] && nodes[index].tag == .text && stats.chars[index] > 0 {
            let block = stats.owner[index]
            if blocks.last?.block == block {
                blocks[blocks.count - 1].texts.append(index)
            } else {
                if blocks.count == wanted { break }
                blocks.append((block, [index]))
            }
        }
        // Bytes of a block's text: a block far longer than the line looked for is not read as a string.
        func bytes(_ position: Int) -> Int {
            blocks[position].texts.reduce(0) { $0 + Int(nodes[$1].textEnd - nodes[$1].textStart) }
        }
        func text(_ position: Int) -> String {
            blocks[position].texts.map { String(decoding: tree.text[Int(nodes[$0].textStart)..<Int(nodes[$0].textEnd)], as: UTF8.self) }
                .joined().trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard
            let headline = blocks.indices.prefix(ContentThresholds.headlineBlocks).first(where: { position in
                guard bytes(position) <= 2 * title.utf8.count + 16 else { return false }
                let headlineKey = key(text(position))
                return headlineKey.count >= ContentThresholds.headlineKeyChars && headlineKey.count * 2 >= titleKey.count
                    && titleKey.contains(headlineKey)
            })
        else { return }
        if datelines {
            for position in (headline + 1)..<min(blocks.count, headline + 1 + ContentThresholds.datelineBlocks) {
                guard bytes(position) <= 8 * Int(ContentThresholds.bylineChars) else { break }
                let line = text(position)
                guard isDate(line) || isByline(line) else { break }
                for index in blocks[position].texts { include[index] = false }
            }
        }
        guard kickers else { return }
        for position in stride(from: headline - 1, through: 0, by: -1) {
            guard bytes(position) <= 8 * ContentThresholds.kickerChars else { break }
            let line = text(position)
            guard line.count <= ContentThresholds.kickerChars, let last = line.last, !".!?:".contains(last) else { break }
            for index in blocks[position].texts { include[index] = false }
        }
    }

    /// A short line that is a date: one that opens with a numeric date ("02.02.2022 …", "2025-09-13"),
    /// or one whose digits and names of months and weekdays are a third or more of its visible
    /// characters, with a month's or weekday's name or a numeric date in it ("November 15, 2019", "Mi,
    /// 18. Oktober 2023 um 12:50 Uhr", "jeudi 13 juin 2019"; not "Prices may rise 5% next year").
    static func isDate(_ line: String) -> Bool {
        guard line.count <= ContentThresholds.datelineChars, line.contains(where: \.isNumber) else { return false }
        // "2024-03-05: Council votes to study …." opens with a date but is the story's first sentence.
        let endsAsSentence = line.count > ContentThresholds.sentenceDatelineChars && line.last.map { ".!?".contains($0) } == true
        if !endsAsSentence && hasNumericDate(line, atStart: true) { return true }
        let visible = line.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
        let digits = line.reduce(0) { $0 + ($1.isASCII && $1.isNumber ? 1 : 0) }
        let named = line.lowercased().split(whereSeparator: { !$0.isLetter }).filter { isMonth($0) || isWeekday($0) }
        let nameLetters = named.reduce(0) { $0 + $1.count }
        guard 3 * (digits + nameLetters) >= visible else { return false }
        return nameLetters > 0 || hasNumericDate(line, atStart: false)
    }

    /// Whether the line holds (`atStart`: opens with, spaces aside) three groups of digits joined by one
    /// mark that read as a day, a month and a year: 1-2, 1-2 and 2 or 4 digits, or 4, 1-2 and 1-2.
    private static func hasNumericDate(_ line: String, atStart: Bool) -> Bool {
        let characters = Array(line)
        var index = characters.firstIndex { !$0.isWhitespace } ?? characters.count
        let end = atStart ? min(index + 1, characters.count) : characters.count
        while index < end {
            var groups: [Int] = []
            var mark: Character?
            var cursor = index
            while cursor < characters.count {
                let start = cursor
                while cursor < characters.count && characters[cursor].isASCII && characters[cursor].isNumber { cursor += 1 }
                guard cursor > start else { break }
                groups.append(cursor - start)
                if groups.count == 3 {
                    let (first, second, third) = (groups[0], groups[1], groups[2])
                    if (1...2).contains(first) && (1...2).contains(second) && (third == 2 || third == 4) { return true }
                    if first == 4 && (1...2).contains(second) && (1...2).contains(third) { return true }
                    break
                }
                guard cursor < characters.count, "./-".contains(characters[cursor]), mark == nil || mark == characters[cursor]
                else { break }
                mark = characters[cursor]
                cursor += 1
            }
            index = max(cursor, index + 1)
        }
        return false
    }

    /// A short line of names after the word for "by" ("By Carrie Arnold", "Von Lisa Petrich", "Por
    /// Gustavo E. Méndez", "Written by …", "By" alone when the name is a link of its own), perhaps
    /// followed by a date or a reading time after a mark ("By Jane Doe • March 12, 2025"): before the
    /// mark no digits, and after the word for "by" one word or only capitalised words and the
    /// particles names are joined with ("By 2030 the bridge…", "By the time…" are no bylines).
    static func isByline(_ line: String) -> Bool {
        guard line.count <= ContentThresholds.bylineChars else { return false }
        let segments = line.split(whereSeparator: { "•|·●»∙".contains($0) }).filter { $0.contains(where: \.isLetter) }
        guard let first = segments.first, !first.contains(where: \.isNumber) else { return false }
        let words = first.split(whereSeparator: { !$0.isLetter })
        guard let opening = words.first?.lowercased() else { return false }
        let names: ArraySlice<Substring>
        if bylineWords.contains(opening) {
            names = words.dropFirst()
        } else if opening == "written", words.dropFirst().first?.lowercased() == "by" {
            names = words.dropFirst(2)
        } else {
            return false
        }
        return names.count <= 1 || names.allSatisfy { $0.first?.isUppercase == true || nameParticles.contains($0.lowercased()) }
    }

    /// Words that join or stand inside names: "and", "de", "van der", "y".
    private static let nameParticles: Set<String> = [
        "and", "und", "y", "e", "et", "en", "i", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le",
        "van", "von", "der", "den", "ter", "zu",
    ]

    /// Whether a word is a month's name or one of its usual abbreviations ("sept", "mär", "mrt"), not
    /// another word that starts alike ("market", "general", "list").
    static func isMonth(_ word: Substring) -> Bool {
        let word = String(word)
        return monthNames.contains(word) || monthAbbreviations.contains(word)
    }

    /// Whether a word is a weekday's name or its three-letter abbreviation ("tue", "jeudi", "mittwoch").
    static func isWeekday(_ word: Substring) -> Bool {
        weekdays.contains(String(word))
    }

    /// Weekdays in the languages of `monthNames`, and the English and German abbreviations.
    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì", "mercoledì", "giovedì",
        "venerdì", "sabato", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "segunda", "terça", "quarta",
        "quinta", "sexta",
    ]

    /// The abbreviations dates write months with, in the languages of `monthNames` ("out" and "set",
    /// English words, are left out).
    private static let monthAbbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jän", "mär", "mrz", "okt",
        "dez", "janv", "févr", "fevr", "avr", "juil", "déc", "ene", "abr", "ago", "dic", "gen", "mag", "giu", "lug",
        "ott", "fev", "mrt", "sty", "lut", "kwi", "cze", "lip", "sie", "wrz", "paź", "paz", "lis", "gru",
    ]

    /// The months' names in English, German, French, Spanish, Italian, Portuguese, Dutch and Polish
    /// (Polish also as dates write them: "15 stycznia").
    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",  // English
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",  // German
        "janvier", "février", "fevrier", "mars", "avril", "juin", "juillet", "août", "aout", "septembre", "octobre",
        "novembre", "décembre", "decembre",  // French
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
        "noviembre", "diciembre",  // Spanish
        "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",  // Italian
        "janeiro", "fevereiro", "março", "marco", "maio", "junho", "julho", "setembro", "outubro", "novembro",
        "dezembro",  // Portuguese
        "januari", "februari", "maart", "mei", "augustus",  // Dutch
        "styczeń", "stycznia", "luty", "lutego", "marzec", "marca", "kwiecień", "kwietnia", "maj", "maja", "czerwiec",
        "czerwca", "lipiec", "lipca", "sierpień", "sierpnia", "wrzesień", "września", "październik", "października",
        "listopad", "listopada", "grudzień", "grudnia",  // Polish
    ]

    /// The word for "by" in English, German, Spanish and Portuguese, French, Dutch.
    private static let bylineWords: Set<String> = ["by", "von", "por", "par", "door"]

    /// The text's letters and digits, lower-cased, every run of anything else one space (none at the ends).
    private static func key(_ text: String) -> String {
        var key = ""
        var space = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if space && !key.isEmpty { key.append(" ") }
                key.append(character)
                space = false
            } else {
                space = true
            }
        }
        return key
    }
}
