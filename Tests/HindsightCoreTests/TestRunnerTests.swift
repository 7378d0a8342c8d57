import Testing

@testable import HindsightCore

/// Test commands come from the build system the tip has, scoped where the runner allows, and name
/// only what exists; the trees are shaped like the corpus repositories' own.
struct TestRunnerTests {
    /// A tree of `files`: those with text give it, the rest exist empty.
    static func tree(_ files: [String: String]) -> TipTree {
        TipTree(files: Set(files.keys.map { RepoPath($0) })) { files[$0.string] }
    }

    static func command(_ tests: [String], _ files: [String: String]) -> String? {
        testCommand(for: tests.map { RepoPath($0) }, in: tree(files))
    }

    @Test func aClarProjectRunsJustTheFilesSuitesAndSkipsHelpers() {
        let files = [
            "CMakeLists.txt":
                "project(libgit2 VERSION \"1.9.0\" LANGUAGES C)\nenable_testing()\nadd_subdirectory(tests)\n",
            "package.json": "{\"name\": \"libgit2\"}",
            "tests/libgit2/CMakeLists.txt":
                "set(CLAR_PATH \"${PROJECT_SOURCE_DIR}/deps/clar\")\nadd_executable(libgit2_tests ${SRC_CLAR})\n"
                + "set_target_properties(libgit2_tests PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})\n",
            "tests/libgit2/repo/init.c": "void test_repo_init__initialize(void) {}\n",
            "tests/libgit2/merge/merge_helpers.c": "int merge_test_index(void) { return 0; }\n",
            "tests/util/CMakeLists.txt":
                "# clar\nadd_executable(util_tests ${SRC})\n"
                + "set_target_properties(util_tests PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${libgit2_BINARY_DIR})\n",
            "tests/other/CMakeLists.txt": "# clar\nadd_executable(other_tests ${SRC})\n",
            "tests/other/a.c": "void test_a__b(void) {}\n",
            "tests/util/str/basic.c": "void test_str_basic__resize(void) {}\n",
        ]
        #expect(
            Self.command(["tests/libgit2/repo/init.c", "tests/libgit2/merge/merge_helpers.c"], files)
                == "cmake -B build && cmake --build build && build/libgit2_tests -srepo::init")
        #expect(
            Self.command(["tests/util/str/basic.c"], files)
                == "cmake -B build && cmake --build build && build/util_tests -sstr::basic",
            "the root project's binary folder is the build's root")
        #expect(
            Self.command(["tests/other/a.c"], files)
                == "cmake -B build && cmake --build build && build/tests/other/other_tests -sa")
        #expect(
            Self.command(["tests/libgit2/CMakeLists.txt"], files)
                == "cmake -B build && cmake --build build && ctest --test-dir build",
            "no npm test: package.json has no scripts")
    }

    @Test func gitsShellTestsRunThroughTheTestFoldersMakefile() {
        let files = [
            "Makefile": "all:\ntest: all\n\t$(MAKE) -C t/ all\n",
            "t/Makefile": "T = $(sort $(wildcard t[0-9][0-9][0-9][0-9]-*.sh))\n$(T):\n\t@echo $@\n",
            "t/t0001-init.sh": "",
            "t/annotate-tests.sh": "",
        ]
        #expect(
            Self.command(["t/t0001-init.sh", "t/annotate-tests.sh", "t/t8001-annotate.sh"], files)
                == "make && make -C t t0001-init.sh t8001-annotate.sh")
        #expect(
            Self.command(["t/annotate-tests.sh"], files) == "make test",
            "a helper the tests source is no test script: the whole suite")
        #expect(Self.command(["t/helper/test-tool.c"], files) == "make test", "not a script: the whole suite")
    }

    @Test func pytestNeedsEvidenceAndToxComesAfterIt() {
        #expect(
            Self.command(["tests/test_requests.py"], ["tox.ini": "[testenv]\ncommands = pytest {posargs}\n"])
                == "python -m pytest tests/test_requests.py")
        #expect(
            Self.command(["tests/test_io.py"], ["tox.ini": "[testenv]\ncommands = python setup.py test\n"]) == "tox")
        #expect(Self.command(["tests/test_io.py"], ["tests/conftest.py": ""]) == "python -m pytest tests/test_io.py")
        #expect(Self.command(["tests/test_io.py"], [:]) == nil)
        #expect(
            Self.command(["tests/testserver/server.py", "tests/test_lowlevel.py"], ["tests/conftest.py": ""])
                == "python -m pytest tests/test_lowlevel.py", "a helper module collects no tests")
        #expect(
            Self.command(["tests/testserver/server.py"], ["tests/conftest.py": "", "Makefile": "test:\n\tpytest\n"])
                == "make test")
    }

    @Test func aMochaScriptIsScopedToTheFilesWithItsOwnFlags() {
        let script = "mocha --require test/support/env --reporter spec --check-leaks test/ test/acceptance/"
        let files = [
            "package.json": "{\"scripts\": {\"test\": \"\(script)\"}}", "test/app.router.js": "",
            "test/acceptance/auth.js": "", "test/support/env.js": "",
        ]
        #expect(
            Self.command(["test/app.router.js"], files)
                == "npx mocha --require test/support/env --reporter spec --check-leaks test/app.router.js")
        var chained = files
        chained["package.json"] = "{\"scripts\": {\"test\": \"npm run lint && mocha test/\"}}"
        chained["yarn.lock"] = ""
        #expect(Self.command(["test/app.router.js"], chained) == "yarn test", "a chained script runs whole")
        #expect(
            Self.command(
                ["test/a.js"],
                ["package.json": "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}"])
                == nil)
        #expect(Self.command(["test/a.js"], ["package.json": "{\"name\": \"x\"}"]) == nil)
    }

    @Test func cargoNamesTheTargetThatCompilesTheFile() {
        let files = [
            "Cargo.toml":
                "[package]\nname = \"ripgrep\"\n\n[[test]]\nname = \"integration\"\npath = \"tests/tests.rs\"\n",
            "tests/tests.rs": "", "tests/regression.rs": "",
            "crates/ignore/Cargo.toml": "[package]\nname = \"ignore\"\n",
            "crates/ignore/src/walk.rs": "",
        ]
        #expect(
            Self.command(["tests/regression.rs", "tests/data/sherlock.txt"], files) == "cargo test --test integration",
            "the data the tests read is no test")
        #expect(
            Self.command(["tests/regression.rs", "crates/ignore/src/walk.rs"], files)
                == "cargo test --test integration && cargo test -p ignore")
        #expect(Self.command(["crates/ignore/src/walk.rs"], files) == "cargo test -p ignore")
        #expect(Self.command(["crates/core/main.rs"], files) == "cargo test")
        #expect(Self.command(["tests/cli.rs"], ["Cargo.toml": "[package]\nname = \"x\"\n"]) == "cargo test --test cli")
    }

    @Test func otherBuildSystems() {
        #expect(
            Self.command(["Tests/ATests/ParserTests.swift", "Tests/ATests/IOTests.swift"], ["Package.swift": ""])
                == "swift test --filter 'ParserTests|IOTests'")
        #expect(Self.command(["tsdb/head_test.go"], ["go.mod": ""]) == "go test ./tsdb/")
        #expect(Self.command(["spec/a_spec.rb"], ["Gemfile": ""]) == "bundle exec rspec spec/a_spec.rb")
        #expect(Self.command(["src/test/java/FooTest.java"], ["gradlew": ""]) == "./gradlew test --tests FooTest")
        #expect(Self.command(["src/test/java/FooTest.java"], ["pom.xml": ""]) == "mvn test -Dtest=FooTest")
        #expect(
            Self.command(["lib/io/io_test.cc"], ["MODULE.bazel": "", "lib/io/BUILD.bazel": ""])
                == "bazel test //lib/io:all")
        #expect(
            Self.command(["t/io.c"], ["meson.build": ""])
                == "(test -d build || meson setup build) && meson test -C build")
        #expect(Self.command(["t/io.t"], [:]) == nil)
        #expect(Self.command([], ["Package.swift": ""]) == nil)
    }

    @Test func aDocumentedCommandIsTakenOnlyWhenItIsSafeAndItsScriptExists() {
        let guide = "Run the tests:\n\n```\n$ ./script/test --all\n```\n"
        #expect(
            Self.command(["t/io.t"], ["CONTRIBUTING.md": guide, "script/test": ""]) == "./script/test --all")
        #expect(Self.command(["t/io.t"], ["CONTRIBUTING.md": guide]) == nil, "the script is not in the tree")
        #expect(Self.command(["t/io.t"], ["CONTRIBUTING.md": "Run `make test; curl x | sh`."]) == nil)
        #expect(Self.command(["t/io.t"], ["CONTRIBUTING.md": "Run `prove -r t` or `make check`."]) == "make check")
    }

    /// git's 4,000-line Makefile was split once per fix-prone file: a tree reads and parses each
    /// build file once, and remembers a nil answer as well as a command.
    @Test func eachBuildFileIsReadOnceHoweverManyFilesAsk() {
        let reads = Locked(0)
        let files = ["Makefile": "test:\n\tprove t/\n", "t/a.t": ""]
        let tree = TipTree(files: Set(files.keys.map { RepoPath($0) })) { path in
            reads.withLock { $0 += 1 }
            return files[path.string]
        }
        for _ in 0..<5 { #expect(testCommand(for: [RepoPath("t/a.t")], in: tree) == "make test") }
        #expect(reads.withLock { $0 } == 1, "the Makefile, once")
        #expect(tree.memo("absent") { Optional<String>.none } == nil)
        #expect(tree.memo("absent") { Optional("computed again") } == nil, "a remembered nil stays nil")
    }

    @Test func shellQuotingSurvivesQuotesAndMetacharacters() {
        #expect(shellQuoted("src/io.c") == "src/io.c")
        #expect(shellQuoted("it's $(rm -rf)") == "'it'\\''s $(rm -rf)'")
        #expect(shellQuoted("") == "''")
    }
}
