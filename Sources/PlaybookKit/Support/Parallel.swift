import Dispatch

/// Runs two independent pieces of work at once (one on another thread) and returns both results.
func inParallel<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let slots = ParallelSlots<A, B>()
    DispatchQueue.concurrentPerform(iterations: 2) { part in
        // Each part writes only its own slot, and concurrentPerform returns after both.
        if part == 0 { slots.first = first() } else { slots.second = second() }
    }
    guard let a = slots.first, let b = slots.second else { return (first(), second()) }
    return (a, b)
}

/// The two results of `inParallel`, each written by one thread only.
private final class ParallelSlots<A, B>: @unchecked Sendable {
    var first: A?
    var second: B?
}
