/// What to do with a future an instruction has just made.
enum FutureUse: Sendable, Equatable {
  /// Keep it as a value (lazy: nothing happens yet), called `label` in
  /// messages and `<future ...>` (computed once at compile time).
  case push(label: String)
  /// Await it at once (`await db.query(x)`): the commonest case, without boxing.
  case await
  /// Spawn it as a new task with this name and push its join handle.
  case spawn(name: String)
}

/// One instruction of an async fn's body. The body is a flat list with
/// jumps; the operands live on the frame's value stack.
///
/// The program counter of an `await` (or `make` with `.await`) is a state of
/// the fn's state machine: a suspended frame is resumed at exactly that
/// instruction, with its locals and stack as they were.
enum Instruction: Sendable, Equatable {
  /// Pushes a literal.
  case constant(Constant)
  /// Pushes a string built from text and local variables.
  case interpolate([Piece])
  /// Pushes a local.
  case load(Int)
  /// Pops into a local.
  case store(Int)
  /// Drops the top value (an expression statement's result).
  case pop
  /// Pops `argc` arguments (the last on top) and makes the future `recipe`.
  case make(FutureRecipe, argc: Int, then: FutureUse)
  /// Pops one argument, runs the plain call inside this poll, pushes `()`.
  case plain(PlainCall)
  /// Pops a future or join handle and awaits it.
  case await
  /// Pops a list, pushes its item.
  case index(Int)
  /// Pops two values; jumps to `target` unless `lhs op rhs` holds.
  case branchUnless(Comparison, target: Int)
  /// Jumps to `target`.
  case jump(Int)
  /// `repeat`: jumps to `exit` when the counter is 0, else decrements it.
  case countdown(counter: Int, exit: Int)
  /// `for`: jumps to `exit` when counter >= end; else variable = counter, counter += 1.
  case forNext(counter: Int, end: Int, variable: Int, exit: Int)
  /// Pops the return value; the fn is done.
  case ret
}

/// The compiled body of one async fn. Immutable and shared by every call.
final class FunctionCode: Sendable {
  /// The fn's name.
  let name: String
  /// Locals, parameters included.
  let slotCount: Int
  /// The body; always ends with `.ret`.
  let instructions: [Instruction]
  /// Source line of each instruction, for `poll_end` and runtime errors.
  let lines: [Int32]
  /// `instructions` lowered for the Rust model's interpreter loop (see `Op`).
  let ops: [Op]

  init(name: String, slotCount: Int, instructions: [Instruction], lines: [Int32]) {
    self.name = name
    self.slotCount = slotCount
    self.instructions = instructions
    self.lines = lines
    ops = Op.lower(instructions)
  }
}
