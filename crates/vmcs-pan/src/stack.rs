//! How much stack a compiler thread has left: recursive walks over code (lowering, the
//! evaluator through nested expressions and user function calls) stop with a located error
//! before they reach the end of the stack instead of aborting the process.
//!
//! The compiler's worker threads record where their stack ends when they start
//! ([`set_size`]); [`exhausted`] compares the current stack position with that mark. A thread
//! that never recorded its size is not checked.

use std::cell::Cell;

/// Stop this far before the end of the stack: room for one builtin call and an error.
const MARGIN: usize = 256 << 10;

thread_local! {
    /// The lowest stack address this thread may reach (0: unknown).
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// The current stack position (the stack grows down on every platform vmcs runs on).
#[inline(always)]
fn position() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Record that this thread's stack holds `size` bytes from about here.
pub fn set_size(size: usize) {
    LIMIT.set(position().saturating_sub(size).saturating_add(MARGIN));
}

/// Whether the stack is about to run out.
#[inline]
pub fn exhausted() -> bool {
    let limit = LIMIT.get();
    limit != 0 && position() < limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep(n: u64) -> u64 {
        if exhausted() {
            return n;
        }
        let pad = std::hint::black_box([n; 64]);
        deep(n + 1) + pad[0] - pad[1]
    }

    #[test]
    fn recursion_stops_before_the_end_of_the_stack() {
        let reached = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(|| {
                set_size(1 << 20);
                deep(0)
            })
            .unwrap()
            .join()
            .unwrap();
        assert!(reached > 100);
    }
}
