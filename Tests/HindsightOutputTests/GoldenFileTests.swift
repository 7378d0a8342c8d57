import Foundation
import HindsightTestSupport
import Testing

@testable import HindsightOutput

/// Every format's output for one fixture, compared byte for byte with `Golden/<name>`. A missing
/// golden, or `HINDSIGHT_RECORD_GOLDEN=1`, writes the file and records an issue, so recording never
/// passes silently; review the new file and commit it.
@Suite struct GoldenFileTests {
    @Test(arguments: FindingsFormat.allCases)
    func findingsFormat(format: FindingsFormat) throws {
        try Self.compare(
            format.renderer(useColor: false).render(SampleFindings.clean()), golden: "findings.\(format.rawValue)")
    }

    @Test(arguments: ReportFormat.allCases)
    func reportFormat(format: ReportFormat) throws {
        try Self.compare(
            format.renderer(width: 100, useColor: false).render(SampleReport.make()),
            golden: "report.\(format.rawValue)")
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func compare(_ actual: String, golden name: String) throws {
        let mismatch = try Golden.mismatch(actual, golden: name, in: directory)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
