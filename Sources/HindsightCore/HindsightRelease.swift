/// This build of Hindsight: the version every `--version`, the MCP handshake and SARIF's
/// `tool.driver` report, so they never disagree.
public enum HindsightRelease {
    /// The release, as Semantic Versioning 2.0 spells it.
    public static let version = "0.1.0"
}
