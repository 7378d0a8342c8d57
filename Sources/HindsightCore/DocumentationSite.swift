import Foundation

/// Where Hindsight's documentation is published (the repository Hindsight is built from, at the
/// version built), so SARIF can link the tool and each rule's kind to the page that explains it.
public struct DocumentationSite: Equatable, Sendable {
    /// The base URL, without a trailing slash: `https://github.com/OWNER/REPO/blob/v0.1.0`.
    public let base: String

    /// Characters a base may hold besides ASCII letters and digits: enough for any repository URL,
    /// and none that would end a Markdown link or a JSON string, or start a query or fragment.
    private static let punctuation = Set("-._~:/%@+=,&;!*$")

    /// The site at `base`, or nil unless it is an absolute http(s) URL (a relative or `file:` link
    /// would not resolve for whoever reads the SARIF on a code-scanning page).
    public init?(base: String) {
        let trimmed = base.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
            trimmed.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || Self.punctuation.contains($0) })
        else { return nil }
        var cut = Substring(trimmed)
        while cut.hasSuffix("/") { cut = cut.dropLast() }
        guard cut.count > "https://".count else { return nil }
        self.base = String(cut)
    }

    /// The page about Hindsight itself (`tool.driver.informationUri`).
    public var home: String { base + "/README.md" }

    /// The section of `docs/guard-kinds.md` about `kind`, or nil for a kind Hindsight does not document.
    public func page(forKind kind: String) -> String? {
        GuardKind.named(kind).map { base + "/docs/guard-kinds.md#" + $0.id }
    }
}
