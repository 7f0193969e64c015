import TrameModel

/// A comparison operator of the condition language.
enum ComparisonOperator: String, Sendable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// The right-hand side of `dans`.
enum MembershipSet: Sendable {
    /// `["tutelle", "curatelle_simple"]`.
    case literals([DataValue])
    /// A list of the data (`e.presents`).
    case operand(Operand)
}

/// The parsed form of a condition.
indirect enum ConditionNode: Sendable {
    /// A bare operand: true unless absent, false, zero, empty text or empty list.
    case truthy(Operand)
    /// `existe(path)`.
    case exists(PathRef)
    case compare(Operand, ComparisonOperator, Operand)
    case member(Operand, MembershipSet)
    case not(ConditionNode)
    case and([ConditionNode])
    case or([ConditionNode])

    /// Every path the condition reads, in source order.
    var paths: [PathRef] {
        switch self {
        case .truthy(let o): return o.paths
        case .exists(let p): return [p]
        case .compare(let a, _, let b): return a.paths + b.paths
        case .member(let a, .literals): return a.paths
        case .member(let a, .operand(let b)): return a.paths + b.paths
        case .not(let c): return c.paths
        case .and(let cs), .or(let cs): return cs.flatMap(\.paths)
        }
    }
}

extension Operand {
    var paths: [PathRef] {
        switch self {
        case .path(let p): return [p]
        case .literal: return []
        case .size(let o, _): return o.paths
        }
    }
}
