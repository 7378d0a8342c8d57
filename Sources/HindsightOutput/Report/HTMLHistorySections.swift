import HindsightCore

/// Files that fix commits keep returning to, with the line regions the fixes shared.
struct HTMLRecurringFixes {
    /// Files changed by two or more fix commits.
    let files: [RecurringFixFile]
    /// The fix-on-fix window, for the subtitle.
    let fixOnFixDays: Double
    /// Fixes older than this many years weigh less.
    let recentFixYears: Double
    /// Limits that keep a page for a large history small: files, regions per file, commits per list.
    var filesShown = 30, regionsShown = 5, commitsShown = 12

    /// The recurring-fixes section.
    func render() -> String {
        let subtitle =
            "Files that two or more fix commits changed, and the line ranges (in today's file) they shared. "
            + "<span class=\"fof\">fix on fix</span> marks a fix to the same region within "
            + "\(HTMLFormat.decimal(fixOnFixDays, digits: fixOnFixDays == fixOnFixDays.rounded() ? 0 : 1)) days of the previous one."
        guard !files.isEmpty else {
            return HTMLPage.panel(
                id: "recurring", title: "Recurring fixes", subtitle: subtitle,
                body: HTMLPage.none("No file was fixed more than once."))
        }
        var articles = files.prefix(filesShown).map(article).joined(separator: "\n")
        if files.count > filesShown {
            articles +=
                "\n"
                + HTMLPage.none(
                    "\(files.count - filesShown) more files were fixed more than once; the JSON report lists them all.")
        }
        return HTMLPage.panel(
            id: "recurring", title: "Recurring fixes", subtitle: subtitle,
            body: "<div class=\"recurring\">\n\(articles)\n</div>")
    }

    private func article(_ file: RecurringFixFile) -> String {
        let pairs = file.regions.reduce(0) { $0 + $1.fixOnFix.count }
        var heading =
            "<h3>\(HTMLPage.path(file.path)) <span class=\"pill\">\(HTMLPage.count(file.fixes.count, "fix", plural: "fixes"))</span>"
        if pairs > 0 {
            heading += " <span class=\"fof\">\(HTMLPage.count(pairs, "fix on fix", plural: "fixes on fixes"))</span>"
        }
        heading += "</h3>"
        let regions =
            file.regions.isEmpty
            ? HTMLPage.none("No line range was shared by two of these fixes.")
            : "<ul class=\"regions\">\n" + file.regions.prefix(regionsShown).map(region).joined(separator: "\n")
                + (file.regions.count > regionsShown
                    ? "\n<li class=\"muted\">+\(file.regions.count - regionsShown) more regions</li>" : "")
                + "\n</ul>"
        let allFixes = latest(file.fixes.map { "<li>\(HTMLPage.commit($0))</li>" })
        return """
            <article class="fixfile">
            \(heading)
            \(regions)
            <details><summary>\(file.fixes.count > commitsShown ? "Latest \(commitsShown) of " : "All ")\(HTMLPage.count(file.fixes.count, "fix commit")) to this file</summary>
            <ol class="commits">
            \(allFixes.joined(separator: "\n"))
            </ol></details>
            </article>
            """
    }

    private func region(_ region: FixRegion) -> String {
        let lines =
            region.startLine == region.endLine ? "L\(region.startLine)" : "L\(region.startLine)–\(region.endLine)"
        var laterFix: [CommitID: FixOnFix] = [:]
        for pair in region.fixOnFix where laterFix[pair.second.id] == nil { laterFix[pair.second.id] = pair }
        let commits = region.fixes.map { fix -> String in
            guard let pair = laterFix[fix.id] else { return "<li>\(HTMLPage.commit(fix))</li>" }
            return "<li class=\"again\">\(HTMLPage.commit(fix)) <span class=\"fof\" title=\"fix on fix\">fix on fix · "
                + "\(HTMLFormat.decimal(pair.days, digits: 1)) days after \(pair.first.shortID.htmlEscaped)</span></li>"
        }
        return
            "<li><span class=\"lines\">\(lines)</span> <span class=\"muted\">\(ReportText.fixAges(region, years: recentFixYears).htmlEscaped)</span>"
            + "\n<ol class=\"commits\">\n\(latest(commits).joined(separator: "\n"))\n</ol></li>"
    }

    /// The last `commitsShown` items, after a line counting the earlier ones left out.
    private func latest(_ items: [String]) -> [String] {
        guard items.count > commitsShown else { return items }
        return ["<li class=\"muted\">\(items.count - commitsShown) earlier fixes not shown</li>"]
            + items.suffix(commitsShown)
    }
}

/// Reverts, newest first: what was undone, whether it re-lands a change, and the files touched.
struct HTMLReverts {
    /// Revert records in report order.
    let reverts: [RevertRecord]
    /// Files listed per revert before the rest are summarised.
    var filesShown = 8

    /// The reverts section.
    func render() -> String {
        let subtitle = "Commits that undid another (<code>This reverts commit …</code>), newest first."
        guard !reverts.isEmpty else {
            return HTMLPage.panel(
                id: "reverts", title: "Reverts", subtitle: subtitle, body: HTMLPage.none("No reverts."))
        }
        let rows = reverts.map(row).joined(separator: "\n")
        let table = """
            <div class="table-wrap"><table class="reverts">
            <thead><tr><th scope="col" class="text">Revert</th><th scope="col" class="text">Reverted</th>\
            <th scope="col" class="text">Files</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table></div>
            """
        return HTMLPage.panel(id: "reverts", title: "Reverts", subtitle: subtitle, body: table)
    }

    private func row(_ record: RevertRecord) -> String {
        let reland =
            record.isReland
            ? " <span class=\"badge k-new\" title=\"the reverted commit was itself a revert\">re-land</span>" : ""
        let reverted =
            record.reverted.map(HTMLPage.commit)
            ?? "<code class=\"sha\" title=\"\(record.revertedID.hex.htmlEscaped)\">\(String(record.revertedID.hex.prefix(10)).htmlEscaped)</code> "
            + "<span class=\"muted\">not in the analysed history</span>"
        var files = record.files.prefix(filesShown).map { HTMLPage.path($0) }
        if record.files.count > filesShown {
            files.append("<span class=\"muted\">+\(record.files.count - filesShown) more</span>")
        }
        let fileList = files.isEmpty ? "<span class=\"muted\">—</span>" : files.joined(separator: "<br>")
        return "<tr><td class=\"text commitcell\">\(HTMLPage.commit(record.revert))\(reland)</td>"
            + "<td class=\"text commitcell\"><span class=\"arrow\" aria-hidden=\"true\">→</span> \(reverted)</td>"
            + "<td class=\"text file\">\(fileList)</td></tr>"
    }
}
