/// Keeps the text bound to a statement alive until the statement has run, so it can be bound without
/// SQLite copying it (`SQLITE_STATIC`): one `memcpy` into reused blocks instead of a `malloc` and a
/// `free` per value. Blocks never move, so a pointer handed to SQLite stays valid until `reset()`.
///
/// Use: `reset()`, bind a statement's parameters through `bind(_:to:at:)`, run it to its end (which
/// clears its bindings), then reset again for the next statement.
final class SQLiteTextArena {
    private static let blockSize = 64 << 10
    // Touched only by this arena's own methods, never re-entrantly: no dynamic exclusivity checks.
    @exclusivity(unchecked) private var blocks: [(start: UnsafeMutableRawPointer, size: Int)] = []
    @exclusivity(unchecked) private var current = 0
    @exclusivity(unchecked) private var used = 0

    deinit {
        for block in blocks { block.start.deallocate() }
    }

    /// Makes every block free again; text bound since the last reset must not be read any more.
    func reset() {
        current = 0
        used = 0
    }

    /// Binds `text` (NULL for nil) to parameter `index` of `statement` without SQLite copying it.
    func bind(_ text: String?, to statement: SQLiteStatement, at index: Int32) throws(StoreError) {
        guard var text else { return try statement.bindNull(at: index) }
        let (target, count) = text.withUTF8 { bytes in
            let target = reserve(bytes.count)
            if let source = bytes.baseAddress, !bytes.isEmpty {
                target.copyMemory(from: UnsafeRawPointer(source), byteCount: bytes.count)
            }
            return (UnsafeRawPointer(target), bytes.count)
        }
        try statement.bind(noCopy: target, count: count, at: index)
    }

    /// Binds `bytes` as a blob to parameter `index` of `statement` without SQLite copying them.
    func bind(blob bytes: UnsafeRawBufferPointer, to statement: SQLiteStatement, at index: Int32) throws(StoreError) {
        let target = reserve(bytes.count)
        if let source = bytes.baseAddress, !bytes.isEmpty { target.copyMemory(from: source, byteCount: bytes.count) }
        try statement.bind(noCopyBlob: UnsafeRawPointer(target), count: bytes.count, at: index)
    }

    /// `count` bytes of storage that stay put until `reset()`.
    private func reserve(_ count: Int) -> UnsafeMutableRawPointer {
        if current < blocks.count, used + count <= blocks[current].size {
            defer { used += count }
            return blocks[current].start + used
        }
        if current < blocks.count, used > 0 { current += 1 }
        if current == blocks.count || blocks[current].size < count {
            let size = max(Self.blockSize, count)
            blocks.insert((.allocate(byteCount: size, alignment: 8), size), at: current)
        }
        used = count
        return blocks[current].start
    }
}
