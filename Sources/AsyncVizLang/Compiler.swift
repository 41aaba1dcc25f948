/// Compiles each checked async fn into a flat list of instructions.
struct Compiler {
  /// The checked program (for the names of spawned tasks and pushed futures).
  let program: BoundProgram
  /// The instructions of the fn being compiled.
  var code: [Instruction] = []
  /// The source line of each instruction; as long as `code`.
  var lines: [Int32] = []

  init(_ program: BoundProgram) { self.program = program }

  static func compile(_ program: BoundProgram) -> [FunctionCode] {
    program.functions.map { f in
      var compiler = Compiler(program)
      compiler.block(f.body)
      let endLine = Int32(clamping: f.body.last?.location.line ?? f.location.line)
      compiler.emit(.constant(.unit), line: endLine)
      compiler.emit(.ret, line: endLine)
      return FunctionCode(
        name: f.name, slotCount: f.slots.count, instructions: compiler.code,
        lines: compiler.lines)
    }
  }

  @discardableResult
  mutating func emit(_ instruction: Instruction, line: Int32) -> Int {
    code.append(instruction)
    lines.append(line)
    return code.count - 1
  }

  /// Fills in the jump target of the placeholder at `index` with the next address.
  mutating func patch(_ index: Int) {
    let here = code.count
    switch code[index] {
    case .branchUnless(let op, _): code[index] = .branchUnless(op, target: here)
    case .jump: code[index] = .jump(here)
    case .countdown(let counter, _): code[index] = .countdown(counter: counter, exit: here)
    case .forNext(let counter, let end, let variable, _):
      code[index] = .forNext(counter: counter, end: end, variable: variable, exit: here)
    default: assertionFailure("patching an instruction without a target")
    }
  }

  mutating func block(_ statements: [BoundStatement]) {
    for s in statements { statement(s) }
  }

  mutating func statement(_ s: BoundStatement) {
    let line = Int32(clamping: s.location.line)
    switch s.kind {
    case .let(let slot, let value):
      expression(value)
      emit(.store(slot), line: line)
    case .expression(let e):
      expression(e)
      emit(.pop, line: line)
    case .repeat(let count, let counter, let body):
      expression(count)
      emit(.store(counter), line: line)
      let top = emit(.countdown(counter: counter, exit: -1), line: line)
      block(body)
      emit(.jump(top), line: line)
      patch(top)
    case .for(let variable, let counter, let end, let from, let to, let body):
      expression(from)
      emit(.store(counter), line: line)
      expression(to)
      emit(.store(end), line: line)
      let top = emit(.forNext(counter: counter, end: end, variable: variable, exit: -1), line: line)
      block(body)
      emit(.jump(top), line: line)
      patch(top)
    case .if(let lhs, let op, let rhs, let then, let otherwise):
      expression(lhs)
      expression(rhs)
      let branch = emit(.branchUnless(op, target: -1), line: line)
      block(then)
      if otherwise.isEmpty {
        patch(branch)
      } else {
        let skip = emit(.jump(-1), line: line)
        patch(branch)
        block(otherwise)
        patch(skip)
      }
    case .return(let value):
      if let value { expression(value) } else { emit(.constant(.unit), line: line) }
      emit(.ret, line: line)
    }
  }

  mutating func expression(_ e: BoundExpression) {
    let line = Int32(clamping: e.location.line)
    switch e.kind {
    case .constant(let c): emit(.constant(c), line: line)
    case .interpolate(let pieces): emit(.interpolate(pieces), line: line)
    case .local(let slot): emit(.load(slot), line: line)
    case .make(let recipe, let args):
      for a in args { expression(a) }
      emit(.make(recipe, argc: args.count, then: .push(label: program.name(of: recipe))), line: line)
    case .spawn(let recipe, let args):
      for a in args { expression(a) }
      emit(.make(recipe, argc: args.count, then: .spawn(name: program.name(of: recipe))), line: line)
    case .plain(let call, let args):
      for a in args { expression(a) }
      emit(.plain(call), line: line)
    case .await(let inner):
      if case .make(let recipe, let args) = inner.kind {
        for a in args { expression(a) }
        emit(.make(recipe, argc: args.count, then: .await), line: line)
      } else {
        expression(inner)
        emit(.await, line: line)
      }
    case .index(let list, let i, _):
      expression(list)
      emit(.index(i), line: line)
    }
  }
}
