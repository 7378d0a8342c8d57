import Foundation
import HindsightConfig
import Testing

/// `AtomicFile`: the one writer every file hindsight writes goes through.
@Suite struct AtomicFileTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hindsight-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func replacesTheFileKeepingItsModeAndLeavesNoTemporaryFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("AGENTS.md")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try AtomicFile.write(Data("new\n".utf8), to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try Self.mode(file) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["AGENTS.md"])
    }

    @Test func givesANewFileTheModeAskedForAndCreatesItsDirectoryOnlyWhenAsked() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hook = directory.appendingPathComponent("hooks/pre-commit")
        #expect(throws: (any Error).self) {
            try AtomicFile.write(Data("#!/bin/sh\n".utf8), to: hook, permissions: 0o755)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("hooks").path))
        try AtomicFile.write(Data("#!/bin/sh\n".utf8), to: hook, permissions: 0o755, createDirectory: true)
        #expect(try Self.mode(hook) == 0o755)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: hook.deletingLastPathComponent().path) == ["pre-commit"]
        )
    }
}
