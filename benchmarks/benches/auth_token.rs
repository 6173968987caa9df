//! CPU time per `POST /auth/token` call: through finch, and through a hand-written reqwest + serde
//! call, against the same local stand-in.
//!
//! ```text
//! cargo bench -p finch-benchmarks --bench auth_token            # 11 rounds of 1000 calls per variant
//! cargo bench -p finch-benchmarks --bench auth_token -- 2000 9  # calls per round, rounds
//! ```
//!
//! The server runs on its own thread; only the calling thread's CPU time is counted (read from
//! `/proc/thread-self/schedstat`, in nanoseconds), so the figures are the client's cost alone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

#[path = "support/measure.rs"]
mod measure;

mod baseline;

use baseline::TokenExchange;
use finch::{CreateAccessToken, Finch};
use finch_stand_in::StandIn;
use measure::median;
use std::time::{Duration, Instant};

/// CPU time the current thread has used.
fn thread_cpu_time() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").expect("Linux schedstat");
    let nanos: u64 = text
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number");
    Duration::from_nanos(nanos)
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| !arg.starts_with('-'));
    let calls: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(11);

    let stand_in = baseline::stand_in_thread(StandIn::builder());

    let runtime = measure::current_thread_runtime();
    runtime.block_on(async {
        let finch = Finch::builder()
            .base_url(stand_in.base_url())
            .client_id(stand_in.client_id())
            .client_secret(stand_in.client_secret())
            .build()
            .unwrap();
        let hand_written = TokenExchange::new(
            baseline::client(None),
            stand_in.base_url(),
            stand_in.client_id(),
            stand_in.client_secret(),
        );

        // Warm up both (connections, allocator, caches).
        for _ in 0..100 {
            finch.access_tokens().create(CreateAccessToken::new(stand_in.issue_authorization_code())).await.unwrap();
            hand_written.exchange(&stand_in.issue_authorization_code()).await;
        }

        // The same, with reqwest's own per-request timeout (as a careful hand-written client has).
        let hand_written_timeout = TokenExchange::new(
            baseline::client(Some(Duration::from_secs(60))),
            stand_in.base_url(),
            stand_in.client_id(),
            stand_in.client_secret(),
        );
        // Per round, each variant runs `calls` times; the order rotates so drift hits all alike.
        let mut cpu: [Vec<f64>; 3] = Default::default();
        let mut wall: [Vec<f64>; 3] = Default::default();
        let mut ratios = Vec::new();
        for round in 0..rounds {
            let mut this_round = [0.0; 3];
            for turn in 0..3 {
                let variant = (round + turn) % 3;
                let codes: Vec<String> = (0..calls).map(|_| stand_in.issue_authorization_code()).collect();
                let (cpu_start, wall_start) = (thread_cpu_time(), Instant::now());
                for code in codes {
                    match variant {
                        0 => drop(finch.access_tokens().create(CreateAccessToken::new(code)).await.unwrap()),
                        1 => drop(hand_written.exchange(&code).await),
                        _ => drop(hand_written_timeout.exchange(&code).await),
                    }
                }
                this_round[variant] = (thread_cpu_time() - cpu_start).as_secs_f64() * 1e6 / calls as f64;
                cpu[variant].push(this_round[variant]);
                wall[variant].push(wall_start.elapsed().as_secs_f64() * 1e6 / calls as f64);
            }
            ratios.push(this_round[0] / this_round[1]);
        }
        let mut sorted = ratios.clone();
        sorted.sort_by(f64::total_cmp);
        println!("POST /auth/token, {rounds} rounds of {calls} calls per variant (medians per call, client thread only)");
        for (variant, name) in ["finch", "reqwest + serde", "reqwest + serde, 60 s timeout"].iter().enumerate() {
            println!(
                "  {name:<30} CPU {:7.1} µs   wall {:7.1} µs",
                median(cpu[variant].clone()),
                median(wall[variant].clone())
            );
        }
        println!(
            "  finch / hand-written CPU, per round: median {:.3} (min {:.3}, max {:.3})",
            median(ratios),
            sorted[0],
            sorted[sorted.len() - 1]
        );
        println!(
            "  finch / hand-written with timeout: {:.3}",
            median(cpu[0].clone()) / median(cpu[2].clone())
        );
    });
}
