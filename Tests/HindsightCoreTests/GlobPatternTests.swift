import Testing

@testable import HindsightCore

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("*.lock", "Cargo.lock", true),
        ("*.lock", "deep/dir/yarn.lock", true),
        ("*.lock", "lock.txt", false),
        ("vendor/", "vendor/lib/a.c", true),
        ("vendor/", "src/vendor/a.c", true),
        ("vendor/", "vendor", false),
        ("docs/*.md", "docs/a.md", true),
        ("docs/*.md", "docs/sub/a.md", false),
        ("docs/*.md", "x/docs/a.md", false),
        ("docs/**/*.md", "docs/sub/deeper/a.md", true),
        ("docs/**/*.md", "docs/a.md", true),
        ("/build", "build/out.o", true),
        ("**/generated", "a/b/generated/x.swift", true),
        ("src/a?c.swift", "src/abc.swift", true),
        ("src/a?c.swift", "src/a/c.swift", false),
        ("*.min.js", "web/app.min.js", true),
        ("*.min.js", "web/app.js", false),
    ])
    func matchesLikeGitignore(pattern: String, path: String, matches: Bool) {
        #expect(GlobPattern(pattern).matches(RepoPath(path)) == matches)
    }

    @Test func emptyPatternMatchesNothing() {
        #expect(!GlobPattern("").matches(RepoPath("a")))
    }
}
