//! A sleep for retry tests: records every wait the client asks for and waits a thousandth of
//! it, so the tests check the waits exactly and run in milliseconds.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use finch::core::{AsyncSleep, SleepFuture};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Default)]
pub struct ScaledSleep {
    asked: Arc<Mutex<Vec<Duration>>>,
}

impl AsyncSleep for ScaledSleep {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        self.asked.lock().unwrap().push(duration);
        Box::pin(tokio::time::sleep(duration / 1000))
    }
}

impl ScaledSleep {
    /// The waits asked for, less the time limits given (they are races, not waits).
    pub fn waits_besides(&self, limits: &[Duration]) -> Vec<Duration> {
        let asked = self.asked.lock().unwrap();
        asked
            .iter()
            .copied()
            .filter(|wait| !limits.contains(wait))
            .collect()
    }
}
