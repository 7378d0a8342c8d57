import HindsightCore

/// Building blocks shared by the HTML report's sections; every untrusted string is escaped here or by the caller.
enum HTMLPage {
    /// Nothing may be fetched: styles and the script are inline, images only as data URLs.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

    /// The whole document around `body`.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="Hindsight">
        <title>\(title.htmlEscaped)</title>
        <style>
        \(HTMLAssets.style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        <script>
        \(HTMLAssets.script)
        </script>
        </body>
        </html>

        """
    }

    /// A sortable table of class `name` (styled and sorted by the page's script) with `headers` and `rows`.
    static func sortableTable(_ name: String, headers: [String], rows: [String]) -> String {
        """
        <div class="table-wrap"><table class="sortable \(name)">
        <thead><tr>\(headers.joined())</tr></thead>
        <tbody>
        \(rows.joined(separator: "\n"))
        </tbody>
        </table></div>
        """
    }

    /// A titled card holding one section.
    static func panel(id: String, title: String, subtitle: String, body: String) -> String {
        """
        <section class="panel" id="\(id)" aria-labelledby="\(id)-heading">
        <h2 id="\(id)-heading">\(title)</h2>
        <p class="sub">\(subtitle)</p>
        \(body)
        </section>
        """
    }

    /// The short message an empty section shows instead of a table or chart.
    static func none(_ message: String) -> String {
        "<p class=\"none\">\(message.htmlEscaped)</p>"
    }

    /// A path in monospace, with a title so long ones can be read whole.
    static func path(_ path: RepoPath, emptyName: String = "(root)") -> String {
        let text = path.string
        guard !text.isEmpty else { return "<span class=\"muted\">\(emptyName.htmlEscaped)</span>" }
        return "<code class=\"path\" title=\"\(text.htmlEscaped)\">\(breakable(text))</code>"
    }

    /// Escaped path text that may wrap after each `/`.
    static func breakable(_ path: String) -> String {
        path.htmlEscaped.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "/<wbr>")
    }

    /// A coloured class badge whose tooltip is the class reason.
    static func badge(_ classification: Classification) -> String {
        let name = classification.fileClass.rawValue
        return "<span class=\"badge k-\(name)\" title=\"\(classification.reason.htmlEscaped)\">\(name)</span>"
    }

    /// A commit as cited in the report: short id, date, subject and author.
    static func commit(_ commit: CommitRef) -> String {
        "<code class=\"sha\" title=\"\(commit.id.hex.htmlEscaped)\">\(commit.shortID.htmlEscaped)</code> "
            + "<span class=\"date\">\(HTMLFormat.date(commit.time))</span> "
            + "<span class=\"subject\">\(commit.subject.htmlEscaped)</span> "
            + "<span class=\"author\">\(commit.author.htmlEscaped)</span>"
    }

    /// A sortable header cell; `isText` columns sort A→Z on the first click, numbers largest first.
    static func header(
        _ label: String, isText: Bool = false, isLeftAligned: Bool = false, title: String? = nil
    ) -> String {
        let tooltip = title.map { " title=\"\($0.htmlEscaped)\"" } ?? ""
        let kind = (isText || isLeftAligned ? " class=\"text\"" : "") + (isText ? " data-first=\"ascending\"" : "")
        return "<th scope=\"col\"\(kind)\(tooltip)><button type=\"button\">\(label.htmlEscaped)</button></th>"
    }

    /// A numeric cell sorting on `sort`, showing `text`, with an optional bar filled to `fraction`.
    static func number(_ text: String, sort: Double, fraction: Double? = nil, title: String? = nil) -> String {
        let tooltip = title.map { " title=\"\($0.htmlEscaped)\"" } ?? ""
        var cell = "<td data-sort=\"\(HTMLFormat.raw(sort))\"\(tooltip)>\(text)"
        if let fraction, fraction >= 0.02 {
            cell +=
                "<span class=\"meter\" style=\"width:\(HTMLFormat.raw(min(fraction, 1) * 100, digits: 1))%\"></span>"
        }
        return cell + "</td>"
    }

    /// `count` and `noun`, pluralised with an `s`: `1 fix`, `2 files`.
    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(HTMLFormat.integer(count)) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
