// The gzip reader. Settings bytes: the mode, the chunk sizes of the compressed source, and the
// damage. Raw mode feeds the fuzzer's bytes as a compressed stream and checks that the result (bytes
// and whether it failed) does not depend on how the source or the caller chunk it. Built mode writes
// the data as a valid gzip file of one to three members (stored blocks, with this file's own CRC-32,
// so the reference is independent of zlib), then damages it: intact it must read back exactly; cut
// short it must fail unless cut between members, having given only a prefix of the data; with a byte
// changed or junk appended it must fail or give exactly the data, never other bytes silently.
import FuzzSupport
import Winnow

/// Stops reading a bomb: no input under `-max_len` needs more to show a bug.
let outputCap = 1 << 20
/// Reading a few bytes a call is slow; that reading stops sooner.
let smallReadsCap = 64 << 10

/// What a reader gave: its bytes, whether it failed, and whether it was stopped at the cap.
struct Reading: Equatable {
    var bytes: [UInt8] = []
    var failed = false
    var capped = false
}

func readAll(_ compressed: [UInt8], chunkSeed: UInt8, maxCount: Int, cap: Int = outputCap) -> Reading {
    var reading = Reading()
    do {
        let source = try GzipByteSource(ChunkedByteSource(compressed, chunkSeed: chunkSeed), displayName: "fuzz")
        while true {
            if reading.bytes.count >= cap {
                reading.capped = true
                reading.bytes.removeLast(reading.bytes.count - cap)
                break
            }
            if try source.read(into: &reading.bytes, maxCount: maxCount) == 0 { break }
        }
    } catch {
        reading.failed = true
    }
    return reading
}

/// CRC-32 as gzip's trailer has it (IEEE, reflected).
let crcTable: [UInt32] = (0..<256).map { index in
    var value = UInt32(index)
    for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
    return value
}

func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return ~crc
}

func littleEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
}

/// One gzip member holding `payload` in stored deflate blocks of at most `blockSize` bytes.
func member(_ payload: ArraySlice<UInt8>, blockSize: Int) -> [UInt8] {
    var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
    var start = payload.startIndex
    repeat {
        let end = min(start + blockSize, payload.endIndex)
        let length = UInt16(end - start)
        bytes.append(end == payload.endIndex ? 1 : 0)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        bytes += payload[start..<end]
        start = end
    } while start < payload.endIndex
    bytes += littleEndian(crc32(payload)) + littleEndian(UInt32(truncatingIfNeeded: payload.count))
    return bytes
}

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    let mode = input.byte(), chunkSeed = input.byte(), damage = input.byte(), where1 = input.byte(), where2 = input.byte()
    let data = input.rest
    if mode & 1 == 0 {
        let first = readAll(data, chunkSeed: chunkSeed, maxCount: 1 << 16)
        let second = readAll(data, chunkSeed: 0, maxCount: Int(mode >> 1) + 1, cap: smallReadsCap)
        let same = second.capped ? first.bytes.starts(with: second.bytes) : first == second
        require(
            same,
            "chunking changes the result: \(first.bytes.count) bytes (failed: \(first.failed)) vs \(second.bytes.count) (failed: \(second.failed))"
        )
        return 0
    }
    let members = Int(mode >> 1) % 3 + 1
    let blockSize = Int(mode >> 3) * 37 + 1
    var file: [UInt8] = []
    var boundaries: [Int: Int] = [:]
    for index in 0..<members {
        let part = data[(data.count * index / members)..<(data.count * (index + 1) / members)]
        file += member(part, blockSize: blockSize)
        boundaries[file.count] = part.endIndex
    }
    let position = (Int(where1) << 8 | Int(where2)) % file.count
    switch damage % 4 {
    case 0:
        let reading = readAll(file, chunkSeed: chunkSeed, maxCount: 1 << 16)
        require(!reading.failed && reading.bytes == data, "a valid gzip file does not read back")
    case 1:
        guard position > 0 else { return 0 }
        let reading = readAll(Array(file[..<position]), chunkSeed: chunkSeed, maxCount: 1 << 16)
        if let end = boundaries[position] {
            require(!reading.failed && reading.bytes == Array(data[..<end]), "a file cut between members does not read")
        } else {
            require(reading.failed, "a gzip file cut inside a member reads without an error")
            require(data.starts(with: reading.bytes), "a cut gzip file gives bytes that are not in it")
        }
    case 2:
        var damaged = file
        damaged[position] ^= damage | 1
        let reading = readAll(damaged, chunkSeed: chunkSeed, maxCount: 1 << 16)
        require(reading.failed || reading.bytes == data, "a damaged gzip file gives other bytes without an error")
    default:
        let reading = readAll(file + [where1, where2].prefix(Int(damage >> 2) % 2 + 1), chunkSeed: chunkSeed, maxCount: 1 << 16)
        require(reading.failed, "junk after a gzip file reads without an error")
    }
    return 0
}
