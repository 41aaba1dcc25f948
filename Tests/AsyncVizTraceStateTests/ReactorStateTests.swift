import AsyncVizTrace
import Testing

@testable import AsyncVizTraceState

/// The reactor's indexed structures against the plain scans they replace:
/// the interest list against a sorted array, a task's registrations and its
/// unarmed fd against reading the whole list, a cancel against the first
/// matching timer from the front.

private typealias Registration = ReactorState.Registration

private func entry(_ fd: Int32, task: UInt32, stored: Bool = false) -> Registration {
  Registration(fd: fd, interest: .read, task: TaskID(task), resource: .empty, op: .empty, wakerStored: stored)
}

@Test func sortedBlocksHoldWhatASortedArrayHoldsThroughRandomInsertsAndRemoves() {
  var random = SeededRandom(seed: 11)
  var blocks = SortedBlocks<Registration>()
  var array: [Registration] = []
  // Fds from a small range, so inserts often replace and removes often find
  // one; several thousand, so blocks split (and empty ones go) many times.
  for step in 0..<20_000 {
    let fd = Int32(random.int(-50...3_000))
    let i = array.firstIndex { $0.fd >= fd } ?? array.count
    let present = i < array.count && array[i].fd == fd
    switch random.int(0...9) {
    case 0...5:
      let new = entry(fd, task: UInt32(step % 97 + 1))
      #expect(blocks.insert(new) == (present ? array[i] : nil))
      if present { array[i] = new } else { array.insert(new, at: i) }
    case 6...8:
      #expect(blocks.remove(key: fd) == (present ? array[i] : nil))
      if present { array.remove(at: i) }
    default:
      #expect(blocks.modify(key: fd) { $0.answered.toggle() } == present)
      if present { array[i].answered.toggle() }
    }
    #expect(blocks[key: fd] == (array.first { $0.fd == fd }))
  }
  #expect(array.count > 1_000, "the list should be long enough to hold many blocks")
  #expect(blocks.count == array.count)
  #expect(Array(blocks) == array)
  #expect(Array(blocks.reversed()) == array.reversed())
  // Equal whatever the split: the same elements put in back to front.
  var again = SortedBlocks<Registration>()
  for element in array.reversed() { again.insert(element) }
  #expect(again == blocks)
  again.modify(key: array[array.count / 2].fd) { $0.wakerStored.toggle() }
  #expect(again != blocks)
}

@Test func aTasksRegistrationsAndUnarmedFdAreTheOnesAScanOfTheListFinds() {
  var random = SeededRandom(seed: 12)
  var reactor = ReactorState()
  for _ in 0..<6_000 {
    let fd = Int32(random.int(0...800))
    switch random.int(0...4) {
    case 0...1: reactor.register(entry(fd, task: UInt32(random.int(1...40)), stored: random.int(0...1) == 0))
    case 2: reactor.deregister(fd: fd)
    default: reactor.setWakerStored(fd: fd, random.int(0...1) == 0)
    }
  }
  let all = Array(reactor.interest)
  #expect(all.count > 100)
  for task in (1...41).map(TaskID.init) {
    let owned = all.filter { $0.task == task }
    #expect(reactor.registrations(of: task, count: owned.count) == owned)
    #expect(reactor.registrations(of: task, count: 2) == Array(owned.prefix(2)))
    #expect(reactor.unarmedFd(of: task) == owned.first { !$0.wakerStored }?.fd)
  }
}

@Test func aCancelRemovesTheFirstArmedTimerOfItsTaskAndDeadline() {
  var random = SeededRandom(seed: 13)
  var reactor = ReactorState()
  for _ in 0..<3_000 {
    reactor.armTimer(
      task: TaskID(UInt32(random.int(1...20))), deadlineUs: Int64(random.int(0...200)), purpose: nil)
  }
  for _ in 0..<2_000 {
    let task = TaskID(UInt32(random.int(1...20)))
    let deadline = Int64(random.int(-1...201))
    var expected = reactor.timers
    let i = expected.firstIndex { $0.task == task && $0.deadlineUs == deadline }
    if let i { expected.remove(at: i) }
    #expect(reactor.cancelTimer(task: task, deadlineUs: deadline) == (i != nil))
    #expect(reactor.timers == expected)
  }
}
