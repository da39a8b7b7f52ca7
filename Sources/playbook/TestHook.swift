import Glibc

/// A test hook, and only that: it lets an end-to-end test act inside a window that is otherwise
/// microseconds wide (swap a file, start a second process, kill this one), without sleeping.
///
/// With `PLAYBOOK_TEST_PAUSE_AFTER=POINT` and `PLAYBOOK_TEST_PAUSE_FIFO=PATH` (a FIFO the test
/// made), the process stops at POINT: it opens the FIFO for reading, which blocks until the test
/// opens it for writing (so the test knows the process got there), and reads until the test
/// closes it. The points:
/// - `read`: `resume` has read the record (and holds its lock);
/// - `create`: `run` has created the record's file, before writing its first line.
/// Unset, as it is outside tests, it does nothing.
enum TestHook {
    static func pause(after point: String) {
        guard SessionStore.environment("PLAYBOOK_TEST_PAUSE_AFTER") == point,
            let fifo = SessionStore.environment("PLAYBOOK_TEST_PAUSE_FIFO")
        else { return }
        let descriptor = open(fifo, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 0 || (count < 0 && errno != EINTR) { break }
        }
        close(descriptor)
    }
}
