import Glibc

/// A POSIX thread with a stack of a chosen size: a connection's thread needs little, and hundreds
/// of them at the default 8 MiB would reserve gigabytes of address space.
enum ServerThread {
    /// The work of a thread, passed through `pthread_create`'s untyped argument.
    private final class Work {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `run` on a new thread: joinable (its id returned, for `pthread_join`) or detached.
    /// Nil if the system has no thread to give.
    static func start(stackBytes: Int, joinable: Bool, _ run: @escaping @Sendable () -> Void) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        _ = pthread_attr_setstacksize(&attributes, max(stackBytes, Int(PTHREAD_STACK_MIN)))
        let detach = joinable ? PTHREAD_CREATE_JOINABLE : PTHREAD_CREATE_DETACHED
        _ = pthread_attr_setdetachstate(&attributes, Int32(detach))
        let work = Unmanaged.passRetained(Work(run)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, work)
        guard created == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            return nil
        }
        return thread
    }
}
