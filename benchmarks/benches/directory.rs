//! Listing a 10,000-person directory in pages of 100: finch's item stream against a hand-written
//! reqwest + serde loop over the same pages from the same local stand-in (in a child process, so
//! only the client's memory is measured), with CPU time and peak memory for each.
//!
//! ```text
//! cargo bench -p finch-benchmarks --bench directory            # 10,000 people, pages of 100, 5 rounds
//! cargo bench -p finch-benchmarks --bench directory -- 10000 100 5
//! cargo bench -p finch-benchmarks --bench directory -- scaling 10000 100000 1000000
//! ```
//!
//! `scaling` walks directories of each size once with finch's item stream (pages of 100), each
//! from its own stand-in and in a fresh process, and prints the time (wall and the client
//! thread's CPU) and the walk's peak memory: time should grow with the people, memory not.
//!
//! CPU time is the client thread's (`/proc/thread-self/schedstat`), median over the rounds. Peak
//! memory is measured in a fresh child process per variant, which walks the directory once:
//! its resident high-water mark (`VmHWM`) above what it held before the walk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

#[path = "support/measure.rs"]
mod measure;

mod baseline;
#[path = "support/memory.rs"]
mod memory;

use baseline::walk_directory as hand_written;
use finch::Finch;
use finch::hris::ListDirectory;
use measure::median;
use memory::memory_kib;
use std::io::{BufRead, BufReader};
use std::time::Duration;

fn thread_cpu_time() -> Duration {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").expect("Linux schedstat");
    Duration::from_nanos(
        text.split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number"),
    )
}

/// The child process: serve a stand-in of `employees` people and print its address and token.
fn serve(employees: usize) {
    let runtime = measure::current_thread_runtime();
    runtime.block_on(async {
        let stand_in = finch_stand_in::StandIn::builder()
            .employees(employees)
            .start()
            .await
            .unwrap();
        println!("{} {}", stand_in.base_url(), stand_in.issue_access_token());
        std::future::pending::<()>().await;
    });
}

async fn with_finch(finch: &Finch, limit: u64) -> usize {
    let mut items = finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(limit));
    let mut seen = 0;
    while let Some(person) = items.next_item().await {
        person.unwrap();
        seen += 1;
    }
    seen
}

/// The whole directory collected in memory, to show what "not bounded by a page" looks like.
async fn collected(finch: &Finch, limit: u64) -> usize {
    let mut everyone = Vec::new();
    let mut pages = finch
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(limit));
    while let Some(page) = pages.next_page().await {
        everyone.extend(page.unwrap().individuals);
    }
    everyone.len()
}

/// A child process: walk the directory once with `variant` and print how many people it saw and
/// the peak memory above the start of the walk.
fn walk_once(variant: usize, base_url: &str, token: &str, limit: u64) {
    let runtime = measure::current_thread_runtime();
    runtime.block_on(async {
        let finch = Finch::builder()
            .base_url(base_url)
            .access_token(token)
            .build()
            .unwrap();
        let client = baseline::client(None);
        let before = memory_kib().0;
        let (cpu, wall) = (thread_cpu_time(), std::time::Instant::now());
        let seen = match variant {
            0 => with_finch(&finch, limit).await,
            1 => hand_written(&client, base_url, token, limit).await,
            _ => collected(&finch, limit).await,
        };
        println!(
            "{seen} {} {} {} {}",
            memory_kib().1.saturating_sub(before),
            (thread_cpu_time() - cpu).as_millis(),
            wall.elapsed().as_millis(),
            memory_kib().1,
        );
    });
}

/// A stand-in of `employees` people in a child process: the child and its base URL and token.
fn start_server(employees: usize) -> (std::process::Child, String, String) {
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["serve", &employees.to_string()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let mut parts = line.split_whitespace();
    let (base_url, token) = (
        parts.next().unwrap().to_owned(),
        parts.next().unwrap().to_owned(),
    );
    (child, base_url, token)
}

/// One walk with finch's item stream per directory size, each in a fresh process.
fn scaling(sizes: &[String]) {
    let sizes: Vec<usize> = if sizes.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        sizes.iter().map(|n| n.parse().unwrap()).collect()
    };
    println!(
        "{:>10} {:>7} {:>9} {:>9} {:>13} {:>16} {:>14}",
        "people", "pages", "wall s", "CPU s", "CPU µs/person", "walk peak KiB", "max RSS KiB"
    );
    for employees in sizes {
        let (mut server, base_url, token) = start_server(employees);
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["walk", "0", &base_url, &token, "100"])
            .output()
            .unwrap();
        let _ = server.kill();
        let _ = server.wait();
        let text = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<u64> = text
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let [seen, peak, cpu_ms, wall_ms, max_rss] = fields[..] else {
            panic!("the walk said `{text}`");
        };
        assert_eq!(seen as usize, employees);
        println!(
            "{employees:>10} {:>7} {:>9.2} {:>9.2} {:>13.2} {peak:>16} {max_rss:>14}",
            employees.div_ceil(100),
            wall_ms as f64 / 1e3,
            cpu_ms as f64 / 1e3,
            cpu_ms as f64 * 1e3 / employees as f64,
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    if args.first().map(String::as_str) == Some("serve") {
        return serve(args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000));
    }
    if args.first().map(String::as_str) == Some("walk") && args.len() >= 5 {
        let variant = args[1].parse().unwrap_or(0);
        let limit = args[4].parse().unwrap_or(100);
        return walk_once(variant, &args[2], &args[3], limit);
    }
    if args.first().map(String::as_str) == Some("scaling") {
        return scaling(&args[1..]);
    }
    let employees: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let limit: u64 = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(100);
    let rounds: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5);

    let (mut child, base_url, token) = start_server(employees);

    let runtime = measure::current_thread_runtime();
    runtime.block_on(async {
        let finch = Finch::builder()
            .base_url(&base_url)
            .access_token(token.as_str())
            .build()
            .unwrap();
        let client = baseline::client(None);
        assert_eq!(with_finch(&finch, limit).await, employees);
        assert_eq!(
            hand_written(&client, &base_url, &token, limit).await,
            employees
        );

        let names = [
            "finch list_all (stream)",
            "reqwest + serde loop",
            "finch, collecting everyone",
        ];
        let mut cpu: [Vec<f64>; 3] = Default::default();
        for round in 0..rounds {
            for turn in 0..3 {
                let variant = (round + turn) % 3;
                let start = thread_cpu_time();
                let seen = match variant {
                    0 => with_finch(&finch, limit).await,
                    1 => hand_written(&client, &base_url, &token, limit).await,
                    _ => collected(&finch, limit).await,
                };
                assert_eq!(seen, employees);
                cpu[variant].push((thread_cpu_time() - start).as_secs_f64() * 1e3);
            }
        }
        println!("{employees} people in pages of {limit}, {rounds} rounds (medians)");
        for (variant, name) in names.iter().enumerate() {
            let output = std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "walk",
                    &variant.to_string(),
                    &base_url,
                    &token,
                    &limit.to_string(),
                ])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&output.stdout);
            let mut fields = text.split_whitespace();
            assert_eq!(fields.next().and_then(|n| n.parse().ok()), Some(employees));
            let peak: u64 = fields.next().and_then(|n| n.parse().ok()).unwrap_or(0);
            println!(
                "  {name:<30} CPU {:8.1} ms   peak memory of the walk {peak:7} KiB",
                median(cpu[variant].clone()),
            );
        }
        println!(
            "  finch / hand-written CPU: {:.3}",
            median(cpu[0].clone()) / median(cpu[1].clone())
        );
    });
    let _ = child.kill();
    let _ = child.wait();
}
