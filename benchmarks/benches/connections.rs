//! Many connections, one process: one `Finch` client serves every connection (one
//! `with_access_token` view each, sharing the client's connection pool) and syncs them all, at
//! most `limit` at a time. Each sync walks the connection's directory page by page and reads
//! every page's individuals and employments; the benchmark checks that every person of every
//! connection arrived exactly once, and reports throughput, the TCP connections the server
//! accepted and the client's peak memory.
//!
//! ```text
//! cargo bench -p finch-benchmarks --bench connections                    # 100 connections × 1,000 people, 8 at a time
//! cargo bench -p finch-benchmarks --bench connections -- 200 1000 8      # connections, people each, limit
//! cargo bench -p finch-benchmarks --bench connections -- 100 1000 32 250 # ... and the directory's page size
//! ```
//!
//! The stand-in runs in a child process (this binary, run with `serve`), so that the memory
//! measured (`VmHWM`, the peak resident set) is the client's alone: it should follow the limit,
//! not the number of connections.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark may fail loudly

#[path = "support/measure.rs"]
mod measure;

#[path = "support/memory.rs"]
mod memory;

use finch::Finch;
use finch::hris::{ListDirectory, RetrieveEmployments, RetrieveIndividuals};
use finch::sandbox::CreateSandboxConnection;
use finch_stand_in::StandIn;
use memory::memory_kib;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let number = |index: usize, default: usize| {
        args.get(index + usize::from(args.first().is_some_and(|a| a == "serve")))
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    };
    let (connections, people) = (number(0, 100), number(1, 1_000));
    if args.first().is_some_and(|arg| arg == "serve") {
        serve(connections, people);
    } else {
        measure(connections, people, number(2, 8), number(3, 500));
    }
}

/// The child: a stand-in with `connections` connections of `people` people each. Prints
/// `base_url=`, one `token=` per connection and `ready`; then answers each line on stdin with
/// `accepted=N` (the TCP connections accepted so far) until stdin closes.
fn serve(connections: usize, people: usize) {
    let runtime = measure::current_thread_runtime();
    runtime.block_on(async {
        let stand_in = StandIn::builder().employees(people).start().await.unwrap();
        let seeding = Finch::builder()
            .base_url(stand_in.base_url())
            .client_id(stand_in.client_id())
            .client_secret(stand_in.client_secret())
            .build()
            .unwrap();
        let mut tokens = vec![stand_in.issue_access_token()];
        while tokens.len() < connections {
            let created = seeding
                .sandbox()
                .connections()
                .create(CreateSandboxConnection::new("gusto").employee_size(people as u32))
                .await
                .unwrap();
            tokens.push(created.access_token.expose().to_owned());
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "base_url={}", stand_in.base_url()).unwrap();
        for token in &tokens {
            writeln!(out, "token={token}").unwrap();
        }
        writeln!(out, "ready").unwrap();
        out.flush().unwrap();
        drop(out);
        // Serve while the parent asks; stdin is read on a thread of its own.
        let (asked, mut asks) = tokio::sync::mpsc::unbounded_channel();
        std::thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                if line.is_err() || asked.send(()).is_err() {
                    break;
                }
            }
        });
        while asks.recv().await.is_some() {
            println!("accepted={}", stand_in.connections_accepted());
        }
    });
}

/// What one connection's sync saw.
#[derive(Default)]
struct Synced {
    /// People listed in the directory.
    listed: usize,
    /// Individuals and employments that arrived, each person counted once per kind.
    individuals: usize,
    employments: usize,
    /// Arrivals of someone already arrived, or not in the directory, or an item's error.
    duplicates: usize,
    strangers: usize,
    item_errors: usize,
}

/// Syncs one connection: the directory page by page, and for each page its people's
/// individuals and employments (both batches at once). Holds one page and the connection's
/// set of ids.
async fn sync(connection: Finch, page_size: u64) -> Result<Synced, finch::Error> {
    let mut synced = Synced::default();
    let mut listed = HashSet::new();
    let (mut individuals, mut employments) = (HashSet::new(), HashSet::new());
    let mut pages = connection
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(page_size));
    while let Some(page) = pages.next_page().await {
        let page = page?;
        if page.individuals.is_empty() {
            break;
        }
        let ids: Vec<String> = page.individuals.into_iter().map(|p| p.id).collect();
        for id in &ids {
            if !listed.insert(id.clone()) {
                synced.duplicates += 1;
            }
        }
        let hris = connection.hris();
        let (people, jobs) = tokio::join!(
            hris.individuals()
                .retrieve_many(RetrieveIndividuals::new(ids.iter().cloned())),
            hris.employments()
                .retrieve_many(RetrieveEmployments::new(ids.iter().cloned())),
        );
        let arrivals = people?
            .responses
            .into_iter()
            .map(|item| (item.individual_id, item.body.into_result().is_ok(), true))
            .chain(
                jobs?
                    .responses
                    .into_iter()
                    .map(|item| (item.individual_id, item.body.into_result().is_ok(), false)),
            );
        for (id, ok, individual) in arrivals {
            let arrived = if individual {
                &mut individuals
            } else {
                &mut employments
            };
            if !ok {
                synced.item_errors += 1;
            } else if !listed.contains(&id) {
                synced.strangers += 1;
            } else if !arrived.insert(id) {
                synced.duplicates += 1;
            }
        }
    }
    synced.listed = listed.len();
    synced.individuals = individuals.len();
    synced.employments = employments.len();
    Ok(synced)
}

/// The parent: starts the child, syncs every connection through one client, reports.
fn measure(connections: usize, people: usize, limit: usize, page_size: usize) {
    let exe = std::env::current_exe().unwrap();
    let seeding = Instant::now();
    let mut child = Command::new(exe)
        .args(["serve", &connections.to_string(), &people.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut ask_accepted = {
        let mut stdin = child.stdin.take().unwrap();
        move |lines: &mut std::io::Lines<BufReader<std::process::ChildStdout>>| -> usize {
            writeln!(stdin, "accepted").unwrap();
            let line = lines.next().unwrap().unwrap();
            line.strip_prefix("accepted=").unwrap().parse().unwrap()
        }
    };
    let mut base_url = String::new();
    let mut tokens = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("base_url=") {
            base_url = url.to_owned();
        } else if let Some(token) = line.strip_prefix("token=") {
            tokens.push(token.to_owned());
        } else if line == "ready" {
            break;
        }
    }
    assert_eq!(tokens.len(), connections, "the stand-in did not start");
    let seeded = seeding.elapsed();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let accepted_before = ask_accepted(&mut lines);
    let (rss_before, peak_before) = memory_kib();
    let started = Instant::now();
    let (totals, failures) = runtime.block_on(async move {
        let finch = Finch::builder().base_url(&base_url).build().unwrap();
        let mut running = tokio::task::JoinSet::new();
        let mut tokens = tokens.into_iter();
        let mut totals = Synced::default();
        let mut failures = Vec::new();
        // At most `limit` syncs at once: a new one starts when one ends.
        loop {
            while running.len() < limit {
                let Some(token) = tokens.next() else { break };
                let connection = finch.with_access_token(token);
                running.spawn(sync(connection, page_size as u64));
            }
            let Some(done) = running.join_next().await else {
                break;
            };
            match done.unwrap() {
                Ok(synced) => {
                    totals.listed += synced.listed;
                    totals.individuals += synced.individuals;
                    totals.employments += synced.employments;
                    totals.duplicates += synced.duplicates;
                    totals.strangers += synced.strangers;
                    totals.item_errors += synced.item_errors;
                    if synced.listed != people {
                        failures.push(format!("a connection listed {}", synced.listed));
                    }
                }
                Err(error) => failures.push(error.to_string()),
            }
        }
        (totals, failures)
    });
    let elapsed = started.elapsed();
    let (rss_after, peak) = memory_kib();
    let accepted = ask_accepted(&mut lines) - accepted_before;
    // Closing the child's stdin ends it.
    drop((ask_accepted, lines));
    let _ = child.wait();

    let expected = connections * people;
    println!(
        "{connections} connections × {people} people through one client, {limit} at a time, directory pages of {page_size}"
    );
    println!(
        "  seeding:      {:.2} s (the child stand-in, not measured)",
        seeded.as_secs_f64()
    );
    println!(
        "  arrived:      {} listed, {} individuals, {} employments of {expected} people; {} duplicates, {} not listed, {} item errors, {} failed connections",
        totals.listed,
        totals.individuals,
        totals.employments,
        totals.duplicates,
        totals.strangers,
        totals.item_errors,
        failures.len()
    );
    println!(
        "  throughput:   {:.0} people/s ({:.2} s; each person is a directory entry, an individual and an employment)",
        expected as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64()
    );
    println!("  TCP accepted: {accepted} (the stand-in's count during the sync)");
    println!(
        "  memory:       {rss_before} KiB before, {rss_after} KiB after, peak {peak} KiB (peak before the sync {peak_before} KiB)"
    );
    let exactly_once = failures.is_empty()
        && totals.duplicates == 0
        && totals.strangers == 0
        && totals.item_errors == 0
        && [totals.listed, totals.individuals, totals.employments] == [expected; 3];
    if !exactly_once {
        for failure in failures.iter().take(5) {
            eprintln!("  failure: {failure}");
        }
        panic!("not every person of every connection arrived exactly once");
    }
    println!("  every person of every connection arrived exactly once");
}
