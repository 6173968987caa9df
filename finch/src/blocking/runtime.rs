//! The blocking client's runtime: a tokio runtime on a thread of its own drives the IO and the
//! timers, and each call's future is polled on the caller's thread until it is done.
//!
//! Why not `Runtime::block_on` on the caller's thread, as most blocking wrappers do: tokio panics
//! when that is called from inside another runtime ("Cannot start a runtime from within a
//! runtime"), and a current-thread runtime would drive the connection pool only while some call
//! is running. Here the runtime thread runs all the time (pooled connections stay served), the
//! caller's thread only parks and polls, so a call works from any thread, inside another runtime
//! too, and it never panics. Every future finch runs is made inside this runtime's context, so its
//! connections, DNS lookups and timers belong to this runtime, never to the caller's.

use std::fmt;
use std::future::Future;
use std::io;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, JoinHandle, Thread};

/// The name of the runtime's thread (as debuggers and panics show it).
const THREAD_NAME: &str = "finch-blocking";

/// A handle on the runtime thread; cheap to clone. The thread stops when the last one is dropped.
#[derive(Clone)]
pub(crate) struct Runtime {
    driver: Arc<Driver>,
}

/// The runtime thread, and how to stop it.
struct Driver {
    handle: tokio::runtime::Handle,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl fmt::Debug for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Runtime")
            .field("thread", &THREAD_NAME)
            .finish_non_exhaustive()
    }
}

impl Runtime {
    /// Starts the runtime thread.
    pub(crate) fn start() -> io::Result<Runtime> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .thread_name(THREAD_NAME)
            .build()?;
        let handle = runtime.handle().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = thread::Builder::new()
            .name(THREAD_NAME.to_owned())
            .spawn(move || {
                // Drives IO and timers until told to stop (or the sender is gone).
                let _ = runtime.block_on(stopped);
                // Does not wait for a DNS lookup still running in the blocking pool.
                runtime.shutdown_background();
            })?;
        Ok(Runtime {
            driver: Arc::new(Driver {
                handle,
                stop: Some(stop),
                thread: Some(thread),
            }),
        })
    }

    /// Runs `future` to completion on the calling thread, within this runtime's context (so the
    /// resources it makes are driven by the runtime thread), parking between polls.
    pub(crate) fn block_on<F: Future>(&self, future: F) -> F::Output {
        let _context = self.driver.handle.enter();
        // Inside another runtime's task, tokio's cooperative budget is that task's, and it never
        // refills while this thread is blocked here: once spent, a timer (a retry's backoff)
        // would answer "yield first" forever. `unconstrained` keeps finch's work off that budget
        // (tested: `a_backoff_inside_a_task_whose_budget_is_spent_still_ends`).
        let mut future = pin!(tokio::task::unconstrained(future));
        let waker = Waker::from(Arc::new(Unpark(thread::current())));
        let mut context = Context::from_waker(&waker);
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
            // A wake-up before this park leaves a token, so none is lost; a spurious one only
            // costs a poll.
            thread::park();
        }
    }
}

/// Wakes the thread that is blocked on a future.
struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Waits for the runtime to be gone (it does not wait for work in flight), unless this is
        // the runtime thread itself, which cannot wait for itself.
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != thread::current().id()
        {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Runs `f` on a thread of its own and returns its result, failing instead of hanging.
    fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        let (done, outcome) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let _ = done.send(f());
        });
        // A guard against a hang, not a measure of speed.
        outcome.recv_timeout(Duration::from_secs(60)).unwrap()
    }

    #[test]
    fn timers_run_while_a_clone_lives_and_the_thread_stops_with_the_last() {
        within_a_minute(|| {
            let runtime = Runtime::start().unwrap();
            let clone = runtime.clone();
            drop(runtime);
            // The runtime thread still drives the timer.
            // (Made inside `async`: tokio's `sleep` needs the runtime when it is made.)
            clone.block_on(async { tokio::time::sleep(Duration::from_millis(1)).await });
            let thread = clone.driver.thread.as_ref().unwrap().thread().clone();
            assert_eq!(thread.name(), Some(THREAD_NAME));
            // Dropping the last handle stops the thread and waits for it (a hang otherwise).
            drop(clone);
        });
    }

    #[test]
    fn a_future_made_inside_block_on_is_driven_by_the_runtime() {
        within_a_minute(|| {
            let runtime = Runtime::start().unwrap();
            // `spawn` needs a runtime context: block_on gives it this one.
            let answer = runtime.block_on(async { tokio::spawn(async { 42 }).await.unwrap() });
            assert_eq!(answer, 42);
        });
    }
}
