//! Injected time: how the client waits (backoff, timeouts) and what it thinks the time is, so that
//! tests of retries and timeouts never really wait.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

/// A future that completes after a delay.
pub type SleepFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Waits. The default is [`TokioSleep`]; tests inject one that returns at once and records delays.
///
/// ```
/// use finch_core::{AsyncSleep, SleepFuture};
/// use std::time::Duration;
///
/// /// Never waits: every delay is over at once.
/// struct Instant;
/// impl AsyncSleep for Instant {
///     fn sleep(&self, _duration: Duration) -> SleepFuture {
///         Box::pin(std::future::ready(()))
///     }
/// }
/// let client = finch_core::Client::builder().sleep(Instant).build();
/// ```
pub trait AsyncSleep: Send + Sync + 'static {
    /// A future that completes after `duration`.
    fn sleep(&self, duration: Duration) -> SleepFuture;
}

/// Sleeps on the tokio timer (needs a tokio runtime with time enabled).
///
/// A wait longer than [`LONGEST_WAIT`] (about 30 years) is cut to it, so that a limit such as
/// `timeout(Duration::MAX)` means "no limit" instead of an overflow in the timer.
///
/// ```
/// use finch_core::{AsyncSleep, TokioSleep};
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// TokioSleep.sleep(std::time::Duration::from_millis(1)).await;
/// # }
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioSleep;

impl AsyncSleep for TokioSleep {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        Box::pin(tokio::time::sleep(duration.min(LONGEST_WAIT)))
    }
}

/// The longest wait [`TokioSleep`] makes: 30 years of 365 days. Longer ones are cut to it, since
/// `Instant::now() + duration` overflows on some platforms well before `Duration::MAX` (and tokio
/// versions differ in whether they guard against it).
///
/// ```
/// use finch_core::{AsyncSleep, TokioSleep};
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// // Starting the longest possible sleep does not panic; it simply never ends in practice.
/// let sleep = TokioSleep.sleep(std::time::Duration::MAX);
/// let raced = tokio::time::timeout(std::time::Duration::from_millis(1), sleep).await;
/// assert!(raced.is_err());
/// # }
/// ```
pub const LONGEST_WAIT: Duration = Duration::from_secs(30 * 365 * 24 * 60 * 60);

/// Tells the wall-clock time (to read `Retry-After` dates). The default is [`SystemClock`].
///
/// ```
/// use finch_core::Clock;
/// use std::time::{Duration, SystemTime};
/// struct Fixed;
/// impl Clock for Fixed {
///     fn now(&self) -> SystemTime { SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000) }
/// }
/// let client = finch_core::Client::builder().clock(Fixed).build();
/// ```
pub trait Clock: Send + Sync + 'static {
    /// The current time.
    fn now(&self) -> SystemTime;
}

/// The system's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// Runs `future` until it completes or `sleep` does, whichever is first (`None` on timeout).
pub(crate) async fn timeout<F: Future>(sleep: SleepFuture, future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut sleep = sleep;
    std::future::poll_fn(|cx| {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(cx) {
            return std::task::Poll::Ready(Some(output));
        }
        sleep.as_mut().poll(cx).map(|()| None)
    })
    .await
}
