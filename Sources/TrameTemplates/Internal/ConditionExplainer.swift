import Foundation
import TrameModel

/// Evaluates a condition and words the values that decided it.
enum ConditionExplainer {
    static func explain<S: ValueSource>(_ node: ConditionNode, _ source: inout S) -> (Bool, String) {
        switch node {
        case .truthy(let operand):
            let v = ConditionEvaluator.value(operand, &source)
            return (ConditionEvaluator.isTruthy(v), describe(operand, v))
        case .exists(let ref):
            let v = source.lookup(ref)
            guard let v else { return (false, "\(ref.text) absent") }
            return (true, v.isScalarValue ? "\(ref.text) = \(display(v))" : "\(ref.text) présent")
        case .compare(let left, let op, let right):
            // Like the evaluator: a value a comparison needs and the data lacks is reported (an error in a final document).
            let a = ConditionEvaluator.required(left, &source)
            let b = ConditionEvaluator.required(right, &source)
            guard let a, let b else { return (false, [describe(left, a), describe(right, b)].filter { $0.hasSuffix(" absent") }.joined(separator: ", ")) }
            let value = ConditionEvaluator.compare(a, op, b)
            return (value, "\(describe(left, a)) (\(op.rawValue) \(operandText(right, b)))")
        case .member(let left, let set):
            let a = ConditionEvaluator.required(left, &source)
            guard let a else { return (false, describe(left, nil)) }
            switch set {
            case .literals(let values):
                let value = values.contains { ConditionEvaluator.equal(a, $0) }
                return (value, "\(describe(left, a)) (dans \(values.map(display).joined(separator: ", ")))")
            case .operand(let operand):
                let list = ConditionEvaluator.required(operand, &source)
                guard case .list(let items)? = list else { return (false, describe(operand, list)) }
                let value = items.contains { ConditionEvaluator.equal(a, $0.value) }
                return (value, "\(describe(left, a)) (dans \(describe(operand, list)))")
            }
        case .not(let inner):
            let (value, reason) = explain(inner, &source)
            return (!value, reason)
        case .and(let items):
            var reasons: [String] = []
            for item in items {
                let (value, reason) = explain(item, &source)
                if !value { return (false, reason) }
                reasons.append(reason)
            }
            return (true, reasons.joined(separator: ", "))
        case .or(let items):
            var reasons: [String] = []
            for item in items {
                let (value, reason) = explain(item, &source)
                if value { return (true, reason) }
                reasons.append(reason)
            }
            return (false, reasons.joined(separator: ", "))
        }
    }

    /// `chemin = valeur`, `chemin absent`, or the literal itself.
    static func describe(_ operand: Operand, _ value: DataValue?) -> String {
        let name: String
        switch operand {
        case .literal(let v): return display(v)
        case .path(let ref): name = ref.text
        case .size(let inner, _): name = "taille(\(inner.paths.first?.text ?? "…"))"
        }
        guard let value else { return "\(name) absent" }
        return "\(name) = \(display(value))"
    }

    private static func operandText(_ operand: Operand, _ value: DataValue) -> String {
        if case .literal = operand { return display(value) }
        return describe(operand, value)
    }

    /// A value as the explanation shows it: booleans as oui / non, dates AAAA-MM-JJ.
    static func display(_ value: DataValue) -> String {
        switch value {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .decimal(let d): return "\(d)".replacingOccurrences(of: ".", with: ",")
        case .boolean(let b): return b ? "oui" : "non"
        case .date(let d): return d.description
        case .object: return "(ensemble de champs)"
        case .list(let items):
            if items.isEmpty { return "liste vide" }
            if items.count <= 6, items.allSatisfy({ $0.value.isScalarValue }) {
                return "[" + items.map { display($0.value) }.joined(separator: ", ") + "]"
            }
            return "liste de \(items.count) éléments"
        }
    }
}

extension DataValue {
    var isScalarValue: Bool {
        switch self {
        case .list, .object: return false
        default: return true
        }
    }
}
