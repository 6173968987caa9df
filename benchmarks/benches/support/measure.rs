//! What the benchmarks share around their measurements: a runtime on the calling thread (each
//! measured client runs on one, so its work is the thread's), and the median of rounds.
#![allow(dead_code)] // each benchmark includes this file and uses what it needs of it

/// A current-thread tokio runtime with I/O and timers.
pub(crate) fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// The median of a few samples (the upper one of an even count).
pub(crate) fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
