import Glibc

// What the process takes from the system and the library never reads itself: the wall clock
// and random bits. Both are passed into the library (a walk's clock, its seed).

/// The wall clock, in seconds since 1970.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// 64 bits from the kernel's generator, for seeds and session ids.
func randomBits() -> UInt64 {
    var value: UInt64 = 0
    let device = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    defer { if device >= 0 { close(device) } }
    if device < 0 || read(device, &value, MemoryLayout<UInt64>.size) != MemoryLayout<UInt64>.size {
        value = UInt64(bitPattern: Int64(now() * 1e6)) ^ UInt64(getpid())
    }
    return value
}
