import Foundation
import TrameModel

/// Evaluates parsed conditions against a value source.
enum ConditionEvaluator {
    static func evaluate<S: ValueSource>(_ node: ConditionNode, _ source: inout S) -> Bool {
        switch node {
        case .truthy(let operand):
            return isTruthy(value(operand, &source))
        case .exists(let ref):
            return source.lookup(ref) != nil
        case .compare(let left, let op, let right):
            guard let a = required(left, &source), let b = required(right, &source) else { return false }
            return compare(a, op, b)
        case .member(let left, let set):
            guard let a = required(left, &source) else { return false }
            switch set {
            case .literals(let values):
                return values.contains { equal(a, $0) }
            case .operand(let operand):
                guard let list = required(operand, &source) else { return false }
                guard case .list(let items) = list else { return false }
                return items.contains { equal(a, $0.value) }
            }
        case .not(let inner):
            return !evaluate(inner, &source)
        case .and(let items):
            for item in items where !evaluate(item, &source) { return false }
            return true
        case .or(let items):
            for item in items where evaluate(item, &source) { return true }
            return false
        }
    }

    /// The value of an operand; nil when absent.
    static func value<S: ValueSource>(_ operand: Operand, _ source: inout S) -> DataValue? {
        switch operand {
        case .literal(let v): return v
        case .path(let ref): return source.lookup(ref)
        case .size(let inner, _):
            switch value(inner, &source) {
            case .list(let items)?: return .integer(items.count)
            case .text(let s)?: return .integer(s.count)
            default: return nil
            }
        }
    }

    /// The value of an operand needed by a comparison: reports it when absent.
    static func required<S: ValueSource>(_ operand: Operand, _ source: inout S) -> DataValue? {
        let v = value(operand, &source)
        if v == nil, let ref = operand.paths.first { source.comparisonMissing(ref) }
        return v
    }

    static func isTruthy(_ value: DataValue?) -> Bool {
        switch value {
        case nil: return false
        case .boolean(let b)?: return b
        case .text(let s)?: return !s.isEmpty
        case .list(let l)?: return !l.isEmpty
        case .integer(let i)?: return i != 0
        case .decimal(let d)?: return !d.isZero
        case .date?, .object?: return true
        }
    }

    static func compare(_ a: DataValue, _ op: ComparisonOperator, _ b: DataValue) -> Bool {
        switch op {
        case .equal: return equal(a, b)
        case .notEqual: return !equal(a, b)
        default:
            guard let order = ordering(a, b) else { return false }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        }
    }

    static func equal(_ a: DataValue, _ b: DataValue) -> Bool {
        if case .boolean(let x) = a, case .boolean(let y) = b { return x == y }
        return ordering(a, b) == 0
    }

    /// -1, 0, 1, or nil when the values cannot be ordered.
    static func ordering(_ a: DataValue, _ b: DataValue) -> Int? {
        switch (a, b) {
        case (.text(let x), .text(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.date(let x), .date(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.integer(let x), .integer(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : nil
        default:
            guard let x = number(a), let y = number(b) else { return nil }
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    static func number(_ value: DataValue) -> Decimal? {
        switch value {
        case .integer(let i): return Decimal(i)
        case .decimal(let d): return d
        default: return nil
        }
    }
}
