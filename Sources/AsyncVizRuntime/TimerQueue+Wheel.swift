/// The wheel's mechanics: where a timer goes, and how the earliest ones are
/// brought down to `due`.
extension TimerQueue {
  /// Puts an armed timer where its deadline belongs: `early`, a slot of
  /// the wheel, or `far`.
  mutating func place(_ id: Int32) {
    let deadline = nodes[Int(id)].deadlineUs
    guard deadline >= elapsed else {
      early.insert(Keyed(deadlineUs: deadline, id: id))
      return
    }
    let level = level(of: deadline)
    guard level < Self.levels else {
      far.insert(Keyed(deadlineUs: deadline, id: id))
      return
    }
    let slot = Int(truncatingIfNeeded: deadline >> (level * Self.slotBits)) & 63
    let head = level << Self.slotBits | slot
    nodes[Int(id)].next = heads[head]
    heads[head] = id
    occupied[level] |= 1 << UInt64(slot)
  }

  /// The level of a deadline at or after `elapsed`: the highest base-64
  /// digit in which the two differ (0 when they differ only in the lowest).
  /// `levels` or more means beyond the wheel.
  func level(of deadline: Int64) -> Int {
    let differing = UInt64(bitPattern: elapsed ^ deadline) | 63
    return (63 - differing.leadingZeroBitCount) / Self.slotBits
  }

  /// Makes `due` hold the armed timers due at the wheel's earliest deadline
  /// (and `elapsed` that deadline), unless `due` already holds one or the
  /// wheel and `far` are empty. A level-0 slot holds a single deadline and
  /// is taken whole; a higher slot that is the earliest is spread over the
  /// levels below from its start; when the wheel is empty, `elapsed` jumps
  /// to the earliest far timer and the far timers within reach move in.
  /// Cancelled timers met on the way are dropped.
  mutating func settle() {
    while true {
      while let id = due.last, nodes[Int(id)].status == .cancelled { due.removeLast() }
      if !due.isEmpty { return }
      guard let level = (0..<Self.levels).first(where: { occupied[$0] != 0 }) else {
        guard refillFromFar() else { return }
        continue
      }
      let slot = occupied[level].trailingZeroBitCount
      let head = level << Self.slotBits | slot
      var id = heads[head]
      heads[head] = Self.none
      occupied[level] &= ~(1 << UInt64(slot))
      // Every timer of the lowest non-empty level differs from `elapsed`
      // in that digit and is later, so this slot's start is after `elapsed`
      // (or, at level 0, is the timers' one deadline, at or after it).
      let shift = level * Self.slotBits
      elapsed = (elapsed >> (shift + Self.slotBits)) << (shift + Self.slotBits) | Int64(slot) << shift
      while id != Self.none {
        let following = nodes[Int(id)].next
        if nodes[Int(id)].status == .armed {
          if level == 0 { due.append(id) } else { place(id) }
        }
        id = following
      }
      // A slot's list is newest first; `due` pops the oldest from its end.
      if level == 0 && due.count > 1 { due.sort(by: >) }
    }
  }

  /// Moves `elapsed` to the earliest far timer and every far timer the
  /// wheel then reaches into the wheel; false when no armed far timer is left.
  private mutating func refillFromFar() -> Bool {
    while let top = far.min, nodes[Int(top.id)].status == .cancelled { _ = far.removeMin() }
    guard let first = far.min else { return false }
    elapsed = first.deadlineUs
    while let top = far.min, level(of: top.deadlineUs) < Self.levels {
      _ = far.removeMin()
      if nodes[Int(top.id)].status == .armed { place(top.id) }
    }
    return true
  }
}
