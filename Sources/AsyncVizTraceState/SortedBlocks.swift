/// An element kept in key order (`SortedBlocks`).
public protocol SortKeyed: Sendable, Equatable {
  associatedtype SortKey: Comparable & Sendable
  /// The key it is ordered and found by; no two elements share one.
  var sortKey: SortKey { get }
}

/// Elements in ascending key order, kept as a list of short sorted blocks,
/// so that putting one in or taking one out moves at most a block's worth
/// (`maxBlock`) plus the list of blocks, not every later element: a sorted
/// array's insert and remove moved the whole tail, which made replaying
/// 100,000 concurrent requests' fds quadratic. A block is copied only when
/// written, so a state kept by a history checkpoint shares the blocks the
/// later events did not touch.
public struct SortedBlocks<Element: SortKeyed>: Sendable {
  /// The blocks, each sorted and non-empty, each one's keys below the next's.
  private var blocks: [[Element]] = []
  /// The elements in all blocks.
  public private(set) var count = 0

  /// A block longer than this splits in two.
  static var maxBlock: Int { 256 }

  /// An empty list.
  public init() {}

  /// The first block whose last key is not below `key` (`blocks.count` when none).
  private func block(for key: Element.SortKey) -> Int {
    // A block is never empty (an emptied one is dropped).
    blocks.partitionPoint { $0[$0.count - 1].sortKey < key }
  }

  /// The first position in `block` whose key is not below `key`.
  private static func offset(of key: Element.SortKey, in block: [Element]) -> Int {
    block.partitionPoint { $0.sortKey < key }
  }

  /// The first position whose key is not below `key` (`endIndex` when none).
  public func lowerBound(_ key: Element.SortKey) -> Index {
    let b = block(for: key)
    return b == blocks.count ? endIndex : Index(block: b, offset: Self.offset(of: key, in: blocks[b]))
  }

  /// The position of the element with `key`, if there is one.
  public func index(forKey key: Element.SortKey) -> Index? {
    let i = lowerBound(key)
    return i != endIndex && self[i].sortKey == key ? i : nil
  }

  /// The element with `key`, if there is one.
  public subscript(key key: Element.SortKey) -> Element? {
    index(forKey: key).map { self[$0] }
  }

  /// Puts `element` in its place, replacing the one with its key; the one replaced.
  @discardableResult
  mutating func insert(_ element: Element) -> Element? {
    let key = element.sortKey
    // Past the last block's keys: into the last block.
    let b = Swift.min(block(for: key), blocks.count - 1)
    guard b >= 0 else {
      blocks = [[element]]
      count = 1
      return nil
    }
    let i = Self.offset(of: key, in: blocks[b])
    if i < blocks[b].count && blocks[b][i].sortKey == key {
      defer { blocks[b][i] = element }
      return blocks[b][i]
    }
    blocks[b].insert(element, at: i)
    count += 1
    if blocks[b].count > Self.maxBlock {
      let half = blocks[b].count / 2
      let upper = Array(blocks[b][half..<blocks[b].count])
      blocks[b].removeSubrange(half..<blocks[b].count)
      blocks.insert(upper, at: b + 1)
    }
    return nil
  }

  /// Takes out the element with `key`; the one taken, if there was one.
  @discardableResult
  mutating func remove(key: Element.SortKey) -> Element? {
    guard let i = index(forKey: key) else { return nil }
    count -= 1
    if blocks[i.block].count == 1 { return blocks.remove(at: i.block)[0] }
    return blocks[i.block].remove(at: i.offset)
  }

  /// Changes the element with `key` in place (its key must stay); whether there was one.
  @discardableResult
  mutating func modify(key: Element.SortKey, _ change: (inout Element) -> Void) -> Bool {
    guard let i = index(forKey: key) else { return false }
    change(&blocks[i.block][i.offset])
    return true
  }

  /// The bytes the blocks hold, by their capacities.
  var storedBytes: Int {
    blocks.reduce(blocks.capacity * MemoryLayout<[Element]>.stride) {
      $0 + $1.capacity * MemoryLayout<Element>.stride
    }
  }
}

extension SortedBlocks: BidirectionalCollection {
  /// A position: a block and an offset in it.
  public struct Index: Comparable, Sendable {
    let block: Int
    let offset: Int

    public static func < (a: Index, b: Index) -> Bool {
      a.block < b.block || (a.block == b.block && a.offset < b.offset)
    }
  }

  public var startIndex: Index { Index(block: 0, offset: 0) }
  public var endIndex: Index { Index(block: blocks.count, offset: 0) }
  public var isEmpty: Bool { count == 0 }

  public subscript(position: Index) -> Element { blocks[position.block][position.offset] }

  public func index(after i: Index) -> Index {
    i.offset + 1 < blocks[i.block].count
      ? Index(block: i.block, offset: i.offset + 1) : Index(block: i.block + 1, offset: 0)
  }

  public func index(before i: Index) -> Index {
    i.offset > 0
      ? Index(block: i.block, offset: i.offset - 1)
      : Index(block: i.block - 1, offset: blocks[i.block - 1].count - 1)
  }
}

extension SortedBlocks: Equatable {
  /// The same elements in the same order, however they are split in blocks.
  public static func == (a: Self, b: Self) -> Bool {
    a.count == b.count && a.elementsEqual(b)
  }
}
