import HindsightCore
import Yams

/// A node of the configuration file with its dotted key path and line, for errors that point at
/// the exact place to fix.
struct ConfigNode {
    let node: Node
    let key: String
    let file: String

    var line: Int? { node.mark?.line }

    /// The document's root node (nil for an empty document); invalid YAML is an error naming its line.
    static func root(of text: String, path: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _) {
            throw .invalid(path: path, key: "", line: mark.line, detail: "not valid YAML (\(problem))")
        } catch {
            throw .invalid(path: path, key: "", line: nil, detail: "not valid YAML (\(error))")
        }
    }

    func invalid(_ detail: String) -> ConfigError {
        .invalid(path: file, key: key, line: line, detail: detail)
    }

    /// The mapping's entries after checking every key is one of `known`.
    func entries(known: [String]) throws(ConfigError) -> [String: ConfigNode] {
        if case .scalar(let scalar) = node, ["", "~", "null"].contains(scalar.string) { return [:] }
        guard let mapping = node.mapping else {
            throw invalid("expected a mapping of keys (\(known.joined(separator: ", ")))")
        }
        var result: [String: ConfigNode] = [:]
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard known.contains(name) else {
                throw .unknownKey(path: file, key: path, line: keyNode.mark?.line, known: known)
            }
            result[name] = ConfigNode(node: value, key: path, file: file)
        }
        return result
    }

    func bool() throws(ConfigError) -> Bool {
        guard let value = node.bool else {
            throw invalid("expected true or false, got '\(node.string ?? "a collection")'")
        }
        return value
    }

    func int(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let value = node.int else {
            throw invalid("expected a whole number, got '\(node.string ?? "a collection")'")
        }
        guard range.contains(value) else {
            throw invalid("must be \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
        return value
    }

    func number(in range: ClosedRange<Double>) throws(ConfigError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else {
            throw invalid("expected a number, got '\(node.string ?? "a collection")'")
        }
        guard range.contains(value) else {
            throw invalid("must be \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
        return value
    }

    func string() throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw invalid("expected text") }
        return scalar.string
    }

    func strings() throws(ConfigError) -> [String] {
        if case .scalar = node { return [try string()] }
        guard let sequence = node.sequence else { throw invalid("expected a list of text") }
        var values: [String] = []
        for (index, element) in sequence.enumerated() {
            values.append(try ConfigNode(node: element, key: "\(key)[\(index)]", file: file).string())
        }
        return values
    }
}
