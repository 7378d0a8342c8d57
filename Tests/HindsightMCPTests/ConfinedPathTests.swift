import HindsightCore
import Testing

@testable import HindsightMCP

/// Paths given to tools stay inside the repository.
@Suite struct ConfinedPathTests {
    @Test(arguments: [
        ("src/a.c", "src/a.c"), ("./src/a.c", "src/a.c"), ("src//a.c/", "src/a.c"), ("/work/repo/src/a.c", "src/a.c"),
        ("/work/repo", ""), ("", ""), (".", ""), ("src/./a.c", "src/a.c"),
    ])
    func pathsInsideTheRepositoryResolve(text: String, expected: String) throws {
        #expect(try ConfinedPath.resolve(text, workTree: "/work/repo") == RepoPath(expected))
    }

    @Test(arguments: [
        ("../etc/passwd", "contains '..'"), ("src/../../x", "contains '..'"),
        ("/etc/passwd", "is outside the repository"),
        ("/work/repository/a", "is outside the repository"), ("a\u{0}b", "NUL byte"),
    ])
    func escapesAreRefused(text: String, message: String) {
        #expect(throws: ToolError.self) { try ConfinedPath.resolve(text, workTree: "/work/repo") }
        do {
            _ = try ConfinedPath.resolve(text, workTree: "/work/repo")
        } catch {
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func overlongPathsAreRefusedWithTheCap() {
        let long = String(repeating: "a/", count: 600)
        #expect(throws: ToolError("path is 1200 bytes long; the cap is 1024.")) {
            try ConfinedPath.resolve(long, workTree: "/work/repo")
        }
    }

    @Test func aBareRepositoryTakesOnlyRelativePaths() {
        #expect(throws: ToolError.self) { try ConfinedPath.resolve("/work/repo/a", workTree: nil) }
    }

    @Test func globsAreRecognisedAndMatchAsInGitignore() throws {
        let selector = try PathSelector("src/**/*.c", workTree: "/work/repo")
        #expect(selector.matches(RepoPath("src/net/a.c")))
        #expect(!selector.matches(RepoPath("lib/a.c")))
        let directory = try PathSelector("src", workTree: "/work/repo")
        #expect(directory.matches(RepoPath("src/net/a.c")))
        #expect(!directory.matches(RepoPath("srcs/a.c")))
    }
}
