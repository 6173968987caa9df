//! When to try again and how long to wait, as the official SDKs do it.

use crate::sleep::Clock;
use http::{HeaderMap, StatusCode};
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

/// How failed attempts are retried.
///
/// Retried: connection failures, timeouts, 408, 409, 429 and 5xx, unless the reply says
/// `x-should-retry: false` (and any status when it says `true`). The wait before retry `n`
/// (0-based) is `min(initial × 2ⁿ, max)` minus up to 25 % jitter, unless the reply names one with
/// `retry-after-ms` or `retry-after` (seconds or an HTTP date) that is above zero and at most
/// [`max_server_delay`](RetryPolicy::max_server_delay) (60 s by default); a longer server delay is
/// not honoured and the backoff is used instead.
///
/// ```
/// use finch_core::RetryPolicy;
/// use std::time::Duration;
/// let policy = RetryPolicy::default();
/// assert_eq!(policy.max_retries, 2);
/// assert_eq!(policy.backoff(0, 0.0), Duration::from_millis(500));
/// assert_eq!(policy.backoff(10, 0.0), Duration::from_secs(8));
/// assert_eq!(policy.backoff(1, 1.0), Duration::from_millis(750));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt (2: three attempts in all).
    pub max_retries: u32,
    /// The first backoff (0.5 s).
    pub initial_delay: Duration,
    /// The longest backoff (8 s).
    pub max_delay: Duration,
    /// The longest server-directed delay that is honoured (60 s).
    pub max_server_delay: Duration,
    /// Whether backoffs are shortened by up to 25 % at random (on by default; off makes the
    /// waits exact, for tests).
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_server_delay: Duration::from_secs(60),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Turns jitter on or off.
    pub fn with_jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// Sets the number of retries.
    pub fn with_max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = max_retries;
        self
    }

    /// The backoff before retry `retries_taken` with `jitter` in `0.0..=1.0` (the share of the
    /// 25 % reduction applied; a value outside that range is clamped, NaN counts as 0).
    ///
    /// It saturates instead of overflowing: any durations, any count and any jitter give a wait
    /// of at most `min(initial × 2ⁿ, max)`.
    ///
    /// ```
    /// use finch_core::RetryPolicy;
    /// use std::time::Duration;
    /// let mut policy = RetryPolicy::default();
    /// policy.initial_delay = Duration::MAX;
    /// policy.max_delay = Duration::MAX;
    /// assert_eq!(policy.backoff(u32::MAX, f64::NAN), Duration::MAX);
    /// assert!(policy.backoff(3, 1.0) < Duration::MAX);
    /// ```
    pub fn backoff(&self, retries_taken: u32, jitter: f64) -> Duration {
        let exponential = self
            .initial_delay
            .saturating_mul(2u32.saturating_pow(retries_taken.min(31)));
        let capped = exponential.min(self.max_delay);
        let share = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        if share == 0.0 {
            return capped;
        }
        // Not `mul_f64`: it panics when the product rounds above `Duration::MAX`.
        Duration::try_from_secs_f64(capped.as_secs_f64() * (1.0 - 0.25 * share))
            .map_or(capped, |reduced| reduced.min(capped))
    }

    /// The wait the reply asks for, when it is sane (above zero, at most `max_server_delay`).
    /// Values that are negative, not numbers, infinite or too large for a `Duration` are ignored.
    pub fn server_delay(&self, headers: &HeaderMap, clock: &dyn Clock) -> Option<Duration> {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::trim)
        };
        let delay = text("retry-after-ms")
            .and_then(|ms| ms.parse::<f64>().ok())
            .and_then(|ms| Duration::try_from_secs_f64(ms / 1000.0).ok())
            .or_else(|| {
                let value = text("retry-after")?;
                match value.parse::<f64>() {
                    Ok(seconds) => Duration::try_from_secs_f64(seconds).ok(),
                    Err(_) => httpdate::parse_http_date(value)
                        .ok()?
                        .duration_since(clock.now())
                        .ok(),
                }
            })?;
        (!delay.is_zero() && delay <= self.max_server_delay).then_some(delay)
    }
}

/// Whether a reply with `status` should be retried, as the reply's `x-should-retry` or the
/// status decides.
pub(crate) fn status_is_retryable(status: StatusCode, headers: &HeaderMap) -> bool {
    match headers
        .get("x-should-retry")
        .and_then(|value| value.to_str().ok())
    {
        Some(value) if value.eq_ignore_ascii_case("true") => return true,
        Some(value) if value.eq_ignore_ascii_case("false") => return false,
        _ => {}
    }
    matches!(status.as_u16(), 408 | 409 | 429 | 500..)
}

/// A jitter share in `0.0..1.0`. Not cryptographic; it only spreads retries out.
pub(crate) fn random_jitter() -> f64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sleep::SystemClock;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (http::HeaderName::from_static(k), v.parse().unwrap()))
            .collect()
    }

    #[test]
    fn retryable_statuses_and_overrides() {
        for status in [408, 409, 429, 500, 502, 503, 504] {
            assert!(
                status_is_retryable(StatusCode::from_u16(status).unwrap(), &HeaderMap::new()),
                "{status}"
            );
        }
        for status in [400, 401, 403, 404, 422] {
            assert!(
                !status_is_retryable(StatusCode::from_u16(status).unwrap(), &HeaderMap::new()),
                "{status}"
            );
        }
        assert!(!status_is_retryable(
            StatusCode::SERVICE_UNAVAILABLE,
            &headers(&[("x-should-retry", "false")])
        ));
        assert!(status_is_retryable(
            StatusCode::BAD_REQUEST,
            &headers(&[("x-should-retry", "true")])
        ));
    }

    #[test]
    fn server_delays_are_bounded() {
        let policy = RetryPolicy::default();
        let clock = SystemClock;
        assert_eq!(
            policy.server_delay(&headers(&[("retry-after-ms", "1500")]), &clock),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            policy.server_delay(&headers(&[("retry-after", "2")]), &clock),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            policy.server_delay(&headers(&[("retry-after", "3600")]), &clock),
            None
        );
        assert_eq!(
            policy.server_delay(&headers(&[("retry-after", "0")]), &clock),
            None
        );
        assert_eq!(
            policy.server_delay(&headers(&[("retry-after", "soon")]), &clock),
            None
        );
        for value in [
            "1e300",
            "-5",
            "NaN",
            "inf",
            "-inf",
            "18446744073709551616000",
            "1e-300",
        ] {
            for name in ["retry-after-ms", "retry-after"] {
                assert_eq!(
                    policy.server_delay(&headers(&[(name, value)]), &clock),
                    None,
                    "{name}: {value}"
                );
            }
        }
        let patient = RetryPolicy {
            max_server_delay: Duration::MAX,
            ..RetryPolicy::default()
        };
        assert_eq!(
            patient.server_delay(&headers(&[("retry-after", "18446744073709549568")]), &clock),
            Some(Duration::from_secs(18_446_744_073_709_549_568))
        );
        let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let delay = policy
            .server_delay(&headers(&[("retry-after", &date)]), &clock)
            .unwrap();
        assert!(
            delay <= Duration::from_secs(30) && delay >= Duration::from_secs(28),
            "{delay:?}"
        );
    }

    #[test]
    fn backoff_saturates_at_any_value() {
        let durations = [
            Duration::ZERO,
            Duration::from_nanos(1),
            Duration::from_secs(8),
            Duration::MAX - Duration::from_nanos(1),
            Duration::MAX,
        ];
        for initial_delay in durations {
            for max_delay in durations {
                let policy = RetryPolicy {
                    initial_delay,
                    max_delay,
                    ..RetryPolicy::default()
                };
                for retries in [0, 1, 31, 32, 64, u32::MAX] {
                    for jitter in [0.0, 0.5, 1.0, f64::NAN, -1.0, 2.0, f64::INFINITY] {
                        let wait = policy.backoff(retries, jitter);
                        assert!(wait <= max_delay, "{policy:?} {retries} {jitter}");
                    }
                }
            }
        }
    }

    #[test]
    fn jitter_stays_in_range() {
        for _ in 0..100 {
            let jitter = random_jitter();
            assert!((0.0..1.0).contains(&jitter));
        }
    }
}
