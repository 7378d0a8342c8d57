// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Hindsight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hindsight", targets: ["hindsight"]),
        .executable(name: "hindsight-mcp", targets: ["hindsight-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // The SDK's Transport names its Logger.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "HindsightCore"),
        .target(name: "HindsightGit", dependencies: ["CLibGit2", "HindsightCore"]),
        .target(
            name: "HindsightIndex",
            dependencies: ["HindsightCore", "HindsightGit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "HindsightOutput", dependencies: ["HindsightCore"]),
        .target(name: "HindsightConfig", dependencies: ["HindsightCore", "Yams"]),
        // The application layer between the modules and the two executables: a workspace opened once,
        // and one session per job (check, backtest, guard mining) that the CLI and MCP server share.
        .target(
            name: "HindsightKit",
            dependencies: ["HindsightCore", "HindsightGit", "HindsightIndex", "HindsightConfig", "HindsightOutput"]),
        .target(
            name: "HindsightMCP",
            dependencies: [
                "HindsightCore", "HindsightGit", "HindsightIndex", "HindsightOutput", "HindsightConfig", "HindsightKit",
                .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "hindsight",
            dependencies: [
                "HindsightCore", "HindsightGit", "HindsightIndex", "HindsightOutput", "HindsightConfig", "HindsightKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The MCP server, a binary of its own: the SDK links FoundationNetworking and so libcurl, which
        // would otherwise load (about 8 ms) at every hindsight run. `hindsight mcp` starts it.
        .executableTarget(
            name: "hindsight-mcp",
            dependencies: [
                "HindsightMCP", "HindsightCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "HindsightTestSupport", dependencies: ["HindsightCore"], path: "Tests/HindsightTestSupport"),
        .testTarget(name: "HindsightCoreTests", dependencies: ["HindsightCore", "HindsightTestSupport"]),
        .testTarget(
            name: "HindsightOutputTests",
            dependencies: ["HindsightOutput", "HindsightCore", "HindsightTestSupport", "Yams"],
            exclude: ["Golden"]  // expected outputs, read by path in GoldenFileTests
        ),
        .testTarget(name: "HindsightConfigTests", dependencies: ["HindsightConfig", "HindsightTestSupport"]),
        .testTarget(
            name: "HindsightMCPTests",
            dependencies: ["HindsightMCP", "HindsightCore", "HindsightGit", "HindsightOutput", "HindsightTestSupport"]
        ),
        .testTarget(
            name: "HindsightIndexTests",
            dependencies: ["HindsightIndex", "HindsightGit", "HindsightCore", "HindsightTestSupport"]
        ),
        .testTarget(
            name: "HindsightCLITests", dependencies: ["HindsightTestSupport", "Yams"],
            // Expected files, read by path; the MCP test client, run by MCPServerTests.
            exclude: ["Golden", "MCP/mcp_client.py"]
        ),
    ]
)
