/// An instruction as the Rust model's interpreter loop dispatches on it:
/// the hot instructions with their operands inline, every payload a whole
/// number, so reading one from the body copies plain bits.
///
/// Switching on an `Instruction` read from an array copies it first, and
/// since some cases hold strings and arrays that copy goes through an
/// outlined function that retains and releases them: about 75 instructions
/// per resumption of the yield workload (callgrind). `FunctionCode` lowers
/// its body into these once; the rest of its instructions are `.other` and
/// read from `FunctionCode.instructions` as before.
enum Op: Sendable, Equatable {
  case load(Int)
  case store(Int)
  case pop
  case jump(Int)
  case countdown(counter: Int, exit: Int)
  case forNext(counter: Int, end: Int, variable: Int, exit: Int)
  /// `await yield_now()`: `make(.builtin(.yieldNow), argc: 0, then: .await)`.
  case awaitYield
  /// `await yield_now()` as a statement: `awaitYield` followed by a `pop`
  /// no jump lands on. The frame resumes past the pop (counting it) instead
  /// of pushing a `()` only to drop it.
  case awaitYieldThenPop
  /// Any other instruction: run from `FunctionCode.instructions`.
  case other

  init(_ instruction: Instruction) {
    switch instruction {
    case .load(let slot): self = .load(slot)
    case .store(let slot): self = .store(slot)
    case .pop: self = .pop
    case .jump(let target): self = .jump(target)
    case .countdown(let counter, let exit): self = .countdown(counter: counter, exit: exit)
    case .forNext(let counter, let end, let variable, let exit):
      self = .forNext(counter: counter, end: end, variable: variable, exit: exit)
    case .make(.builtin(.yieldNow), argc: 0, then: .await): self = .awaitYield
    default: self = .other
    }
  }
}

extension Op {
  /// `instructions` lowered, with each `await yield_now()` statement fused
  /// with its `pop`.
  static func lower(_ instructions: [Instruction]) -> [Op] {
    var ops = instructions.map(Op.init)
    var targets = Set<Int>()
    for instruction in instructions {
      switch instruction {
      case .jump(let target), .branchUnless(_, let target), .countdown(_, let target),
        .forNext(_, _, _, let target):
        targets.insert(target)
      default: break
      }
    }
    for pc in ops.indices.dropLast()
    where ops[pc] == .awaitYield && ops[pc + 1] == .pop && !targets.contains(pc + 1) {
      ops[pc] = .awaitYieldThenPop
    }
    return ops
  }
}
