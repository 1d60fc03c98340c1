//! The C allocator's settings (glibc on Linux; nothing elsewhere): a fixed size from which
//! allocations get pages of their own, and free memory given back after big work.

/// Gives the memory the allocator keeps after big work (reading a collection, on other
/// threads too) back to the system (glibc's `malloc_trim`; nothing elsewhere). Called
/// at the end of big background jobs, on their thread: after a big collection opens,
/// at the end of the streak's history read that follows (or at the end of the open job
/// when the progress could not be opened), it returns about 100 MB of pages, which
/// takes a few milliseconds.
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the C allocator to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Allocations of this size and more get pages of their own from the system, given back
/// when they are freed ([`fixed_mmap_threshold`]).
pub const MMAP_THRESHOLD: usize = 1 << 20;

/// Fixes the size from which glibc's allocator maps memory of its own for an allocation
/// ([`MMAP_THRESHOLD`]; nothing elsewhere). By default that size rises each time such
/// a block is freed, up to 32 MiB: once a deck's text had been read and dropped, the
/// vectors of the next deck read came from the heap, which keeps freed pages and copies
/// on growth. Importing a deck near the memory limit peaked 42 MiB higher (296 MiB
/// against 254 MiB), opening it 12 MiB higher. Called once at start, before any thread.
pub fn fixed_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt sets a parameter of the C allocator; called before other threads.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD as libc::c_int);
    }
}
