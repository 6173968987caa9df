//! One client shared by 64 tasks making 10,000 requests in all against a local server: errors,
//! connections the server saw, throughput, and memory along the way.
//!
//! ```text
//! cargo bench -p finch-benchmarks --bench load            # 64 tasks, 10,000 requests
//! cargo bench -p finch-benchmarks --bench load -- 128 50000
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

#[path = "support/memory.rs"]
mod memory;

#[path = "../../tests/tests/support/fault_server.rs"]
mod fault_server;

use fault_server::{Fault, FaultServer};
use finch::Finch;
use memory::memory_kib;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

const COMPANY: &str = r#"{"id":"514aa2b7-898f-4ce7-bc05-c2fe993713e8","legal_name":"Acme, Inc.","entity":{"type":"corporation","subtype":"s_corporation"},
"ein":"12-3456789","primary_email":"founders@acme.com","primary_phone_number":"+14475678901","departments":[{"name":"Engineering","parent":null}],
"locations":[{"line1":"628 Bear Ave","line2":"Apt A","city":"Schenectady","state":"NY","postal_code":"94301","country":"US"}],"accounts":[]}"#;

fn main() {
    let mut args = std::env::args().skip(1).filter(|arg| !arg.starts_with('-'));
    let tasks: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(64);
    let requests: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let server = FaultServer::start_unrecorded(|_| Fault::json(200, COMPANY)).await;
        let finch = Finch::builder()
            .base_url(&server.base_url)
            .access_token("token")
            .build()
            .unwrap();
        // Warm up: one call, so start-up memory is not counted as growth.
        finch.hris().company().retrieve().await.unwrap();
        let (rss_before, _) = memory_kib();

        let done = Arc::new(AtomicUsize::new(0));
        let errors = Arc::new(AtomicUsize::new(0));
        let samples = Arc::new(std::sync::Mutex::new(Vec::new()));
        let started = Instant::now();
        let handles: Vec<_> = (0..tasks)
            .map(|task| {
                let finch = finch.clone();
                let (done, errors, samples) = (done.clone(), errors.clone(), samples.clone());
                let share = requests / tasks + usize::from(task < requests % tasks);
                tokio::spawn(async move {
                    for _ in 0..share {
                        if finch.hris().company().retrieve().await.is_err() {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                        let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                        if finished % (requests / 10).max(1) == 0 {
                            samples.lock().unwrap().push((finished, memory_kib().0));
                        }
                    }
                })
            })
            .collect();
        for handle in handles {
            handle.await.unwrap();
        }
        let elapsed = started.elapsed();
        let (rss_after, peak) = memory_kib();

        println!("{tasks} tasks, {requests} requests through one shared client");
        println!("  errors:      {}", errors.load(Ordering::Relaxed));
        println!(
            "  connections: {} (the server's count, including the warm-up's)",
            server.connections()
        );
        println!(
            "  throughput:  {:.0} requests/s ({:.2} s)",
            requests as f64 / elapsed.as_secs_f64(),
            elapsed.as_secs_f64()
        );
        println!("  memory:      {rss_before} KiB before, {rss_after} KiB after, peak {peak} KiB");
        let samples = samples.lock().unwrap();
        let trace: Vec<String> = samples
            .iter()
            .map(|(n, rss)| format!("{n}:{rss}"))
            .collect();
        println!(
            "  RSS (KiB) after every tenth of the requests: {}",
            trace.join(" ")
        );
    });
}
